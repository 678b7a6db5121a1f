"""The bundled corpus: five seed articles."""
