// Replaced by the diff implementation.
