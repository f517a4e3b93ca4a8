import { startPopup } from '@/src/popup/start-popup';

startPopup(document.getElementById('app')!);
