"""The record form's relation tables, record picker, alias list and country field."""
