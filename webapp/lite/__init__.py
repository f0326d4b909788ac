"""Builds the JupyterLite site where exercises run: Pyodide and every wheel served by Data Day itself.

Plain Python with no Flask, so a CLI command, `make run` and the tests can all call `build.build_site`.
"""
