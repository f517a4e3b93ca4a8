/** A colour per jurisdiction for profile bars and graph nodes (stable, readable both themes). */
export function jurisdictionColor(code: string): string {
  const fixed: Record<string, string> = {
    US: '#3b6fd8',
    EU: '#f2b632',
    FR: '#2f9e44',
    DE: '#7950f2',
    NL: '#f76707',
    TW: '#d6336c',
    CN: '#e03131',
    KR: '#1098ad',
    JP: '#ae3ec9',
    GB: '#495057',
  };
  if (fixed[code]) return fixed[code];
  let hash = 0;
  for (const char of code) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return `hsl(${hash % 360} 55% 50%)`;
}
