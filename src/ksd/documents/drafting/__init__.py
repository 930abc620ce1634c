"""Documents drafted from a cooperation's record (letters, agreements, a Surat Kuasa), and a
draft agreement checked by its text. docs/documents.md describes both."""
