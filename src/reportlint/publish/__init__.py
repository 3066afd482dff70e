"""From the YAML back to documents and to next year's YAML: render, fix, roll forward."""
