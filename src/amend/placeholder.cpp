// Replaced by the amendment engine.
