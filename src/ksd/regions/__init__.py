"""Reference data on Indonesia's regions: provinces, kabupaten and kota."""
