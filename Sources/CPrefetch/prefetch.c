// The header is the module.
