"""One module per family of rules of SPEC section 4; each turns facts into candidates."""
