// Writes the schema of every resource and data source of the providers infra/ uses — each argument and
// nested block, by its Terraform name — to the file named by the first argument, from the jsii assemblies
// of the prebuilt CDKTF provider packages (generated from the providers' own schemas; package.json pins
// the versions matching infra/versions.tf). The infra tests validate infra/*.tf against it, offline.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const PACKAGES = ['@cdktf/provider-google', '@cdktf/provider-archive', '@cdktf/provider-time'];
const REPRESENTS = /Represents a \{@link https:\/\/registry\.terraform\.io\/providers\/hashicorp\/(\w+)\/([\d.]+)\/docs\/(resources|data-sources)\/\w+ (\w+)\}/;
const ANCHOR = /docs\/(?:resources|data-sources)\/\w+#(\w+) /;

const schema = { providers: {}, resource: {}, data: {} };
for (const name of PACKAGES) {
  const assembly = JSON.parse(readFileSync(join(dirname(require.resolve(`${name}/package.json`)), '.jsii'), 'utf8'));
  const types = assembly.types;
  const terraformName = (property) => {
    const docs = `${property.docs?.remarks ?? ''} ${property.docs?.summary ?? ''}`;
    const match = docs.match(ANCHOR);
    return match ? match[1] : property.name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
  };
  const structOf = (type) => {
    if (!type) return null;
    if (type.fqn && types[type.fqn]?.kind === 'interface' && types[type.fqn].datatype) return type.fqn;
    if (type.collection) return structOf(type.collection.elementtype);
    if (type.union) {
      for (const option of type.union.types) {
        const struct = structOf(option);
        if (struct) return struct;
      }
    }
    return null;
  };
  const properties = (fqn, seen = new Set()) => {
    const type = types[fqn];
    if (!type || seen.has(fqn)) return [];
    seen.add(fqn);
    const inherited = (type.interfaces ?? []).filter((i) => types[i]).flatMap((i) => properties(i, seen));
    return [...inherited, ...(type.properties ?? [])];
  };
  const node = (fqn) => {
    const args = [];
    const blocks = {};
    for (const property of properties(fqn)) {
      const struct = structOf(property.type);
      if (struct) blocks[terraformName(property)] = node(struct);
      else args.push(terraformName(property));
    }
    return { args: [...new Set(args)].sort(), blocks };
  };
  for (const type of Object.values(types)) {
    const represents = type.kind === 'class' && type.docs?.summary?.match(REPRESENTS);
    if (!represents || !type.initializer) continue;
    const [, provider, version, kind, typeName] = represents;
    schema.providers[provider] = version;
    const config = type.initializer.parameters?.find((p) => p.name === 'config');
    if (!config) continue;
    const section = kind === 'resources' ? 'resource' : 'data';
    schema[section][typeName.replace(/^data_/, '')] = node(config.type.fqn);
  }
}
writeFileSync(process.argv[2], JSON.stringify(schema));
console.log(`provider schemas: ${Object.entries(schema.providers).map(([p, v]) => `${p} ${v}`).join(', ')}; ` +
  `${Object.keys(schema.resource).length} resources, ${Object.keys(schema.data).length} data sources`);
