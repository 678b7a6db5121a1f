"""Command palette providers, one per module."""
