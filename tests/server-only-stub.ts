// Stands in for the `server-only` package, whose plain entry throws outside Next's server build.
export {};
