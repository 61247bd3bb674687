// npm run schema: regenerates the editor schemas in schema/ from the zod schemas in src/.
import { writeFileSync } from 'node:fs';
import { briefingJsonSchemaText } from '../src/briefing/json-schema.js';
import { configJsonSchemaText, themeJsonSchemaText } from '../src/theme/json-schemas.js';

writeFileSync(new URL('../schema/briefing.schema.json', import.meta.url), briefingJsonSchemaText());
writeFileSync(new URL('../schema/config.schema.json', import.meta.url), configJsonSchemaText());
writeFileSync(new URL('../schema/theme.schema.json', import.meta.url), themeJsonSchemaText());
console.log('wrote schema/briefing.schema.json, schema/config.schema.json, schema/theme.schema.json');
