"""Screens of the reading app."""
