"""The benchmark runner (`make bench`): the application against a bare Django view, same settings."""
