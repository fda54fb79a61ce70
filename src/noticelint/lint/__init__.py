"""Running the rules: configuration, rule discovery and selection, the engine, waivers, the cache and
the runner that spreads files over processes."""
