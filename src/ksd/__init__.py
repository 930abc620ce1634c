"""KSD: Sistem Informasi Kerja Sama Daerah."""
