"""The shipped model folders (installed as the package ``zuofeng_nlp._models``)."""
