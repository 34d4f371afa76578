import { writeFileSync } from 'fs';
import { join } from 'path';
import { namesMarkdown } from '../src/core/form/names-doc';

writeFileSync(join(__dirname, '..', 'docs', 'NAMES.md'), namesMarkdown());
console.log('docs/NAMES.md written');
