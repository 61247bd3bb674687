// npm run schema: regenerates schema/briefing.schema.json from src/briefing/schema.ts.
import { writeFileSync } from 'node:fs';
import { briefingJsonSchemaText } from '../src/briefing/json-schema.js';

writeFileSync(new URL('../schema/briefing.schema.json', import.meta.url), briefingJsonSchemaText());
console.log('wrote schema/briefing.schema.json');
