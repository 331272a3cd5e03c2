// Which glossary entry explains a framework's level names (presentation only).
import { GLOSSARY } from '../../presentation/glossary';

export function levelDefinition(levelName: string): string | undefined {
  if (/\bASL\b|ASL-\d/.test(levelName)) return GLOSSARY.ASL;
  if (/\bCCL\b/.test(levelName)) return GLOSSARY.CCL;
  if (/^(High|Critical)$/.test(levelName)) return GLOSSARY['High / Critical'];
  return GLOSSARY['capability threshold'];
}
