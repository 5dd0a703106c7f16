"""Signatures: CMS (CAdES) and PAdES, identities and trust, one trust engine with revocation lists."""
