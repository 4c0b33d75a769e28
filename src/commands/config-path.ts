// Where the config file is: --config, else $VIGIE_CONFIG, else config/vigie.yaml.
export const DEFAULT_CONFIG = 'config/vigie.yaml';
export const configPathFrom = (option?: string) => option ?? process.env.VIGIE_CONFIG ?? DEFAULT_CONFIG;
