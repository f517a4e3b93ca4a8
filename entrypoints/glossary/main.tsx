import { startGlossaryPage } from '@/src/glossary-page/start-glossary-page';

startGlossaryPage(document.getElementById('app')!);
