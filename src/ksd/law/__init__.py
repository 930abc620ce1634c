"""The rules of regional cooperation, as pure Python: no Django, no I/O beyond law/data/.

Public surface: regime_for(), get_region(), WorkingCalendar, assess(). Every verdict carries a
Citation and an explanation in Bahasa Indonesia (with English) written by the KSD project.
"""
