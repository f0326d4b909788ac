"""The organisation, without Flask or a database: grades, the HR file, line hierarchies, small-group suppression."""
