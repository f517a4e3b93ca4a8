/**
 * How a card names a fact's source: the outlet's or institution's own name for the hosts
 * readers know by name, else the host without "www.". Kept short: a card shows the name,
 * the link carries the address.
 */
const NAMES: Readonly<Record<string, string>> = {
  'reuters.com': 'Reuters',
  'apnews.com': 'AP',
  'bloomberg.com': 'Bloomberg',
  'ft.com': 'Financial Times',
  'wsj.com': 'The Wall Street Journal',
  'nytimes.com': 'The New York Times',
  'asia.nikkei.com': 'Nikkei Asia',
  'theregister.com': 'The Register',
  'nextplatform.com': 'The Next Platform',
  'tomshardware.com': 'Tom’s Hardware',
  'servethehome.com': 'ServeTheHome',
  'anandtech.com': 'AnandTech',
  'datacenterdynamics.com': 'DatacenterDynamics',
  'semafor.com': 'Semafor',
  'axios.com': 'Axios',
  'cnbc.com': 'CNBC',
  'techcrunch.com': 'TechCrunch',
  'lemonde.fr': 'Le Monde',
  'lesechos.fr': 'Les Echos',
  'usinenouvelle.com': 'L’Usine Nouvelle',
  'usine-digitale.fr': 'L’Usine Digitale',
  'lemagit.fr': 'LeMagIT',
  'eur-lex.europa.eu': 'EUR-Lex',
  'ec.europa.eu': 'European Commission',
  'commission.europa.eu': 'European Commission',
  'digital-strategy.ec.europa.eu': 'European Commission',
  'eurohpc-ju.europa.eu': 'EuroHPC JU',
  'europarl.europa.eu': 'European Parliament',
  'aws.amazon.com': 'AWS',
  'aboutamazon.com': 'Amazon',
  'blog.google': 'Google',
  'cloud.google.com': 'Google Cloud',
  'news.microsoft.com': 'Microsoft',
  'nvidianews.nvidia.com': 'Nvidia',
  'nvidia.com': 'Nvidia',
  'amd.com': 'AMD',
  'intel.com': 'Intel',
  'asml.com': 'ASML',
  'tsmc.com': 'TSMC',
  'pr.tsmc.com': 'TSMC',
  'anthropic.com': 'Anthropic',
  'openai.com': 'OpenAI',
  'mistral.ai': 'Mistral AI',
  'federalregister.gov': 'Federal Register',
  'bis.gov': 'US BIS',
  'bis.doc.gov': 'US BIS',
  'sec.gov': 'US SEC',
};

/** "https://www.theregister.com/2015/..." -> "The Register"; unknown hosts as "example.com". */
export function sourceName(url: string): string {
  let host: string;
  try {
    host = new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
  for (let at = host; at.includes('.'); at = at.slice(at.indexOf('.') + 1)) {
    if (Object.hasOwn(NAMES, at)) return NAMES[at]!;
  }
  return host;
}
