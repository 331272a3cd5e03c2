/** Where solo play keeps its game in the browser's storage (read by SoloGame and SoloSession). */
export const SOLO_SAVE_KEY = 'threshold:solo';
