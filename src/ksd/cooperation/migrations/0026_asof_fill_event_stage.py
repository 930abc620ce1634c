# Fills Event.stage (0025) on the events recorded before it was kept, by replaying each
# cooperation's log in the order it was recorded: a step's recorded stage where the event holds
# it (changes "stage", a correction's effects), the stage its kind always leads to otherwise,
# and the stage before it for events that do not move the stage (copies, documents, disputes).
# A DPRD approval leads to "ready to sign" once every track submitted so far is approved. The
# latest event of a record always gets the record's present stage, which is the truth.
# The append-only triggers are lifted for this one fill and put back (cooperation/append_only.py).

from collections import defaultdict

from django.db import migrations

FIXED = {
    101: "offered", 103: "declined", 104: "joint_agreement", 108: "withdrawn",
    201: "dprd_review", 301: "signed", 303: "implementing", 401: "terminated", 402: "expired",
    802: "cancelled",
}
APPROVALS = (204, 206)
BATCH = 20_000


def _stage_after(event, stage, submitted, approved):
    if event.kind == 201 and event.region_id:
        submitted.add(event.region_id)
    changes = event.changes if isinstance(event.changes, dict) else {}
    recorded = changes.get("stage")
    effects = changes.get("effects") if isinstance(changes.get("effects"), dict) else {}
    if recorded is None and event.kind == 801:
        recorded = effects.get("stage")
    if isinstance(recorded, list) and len(recorded) == 2:
        recorded = recorded[1]
    if isinstance(recorded, str) and recorded:
        return recorded
    if event.kind in FIXED:
        return FIXED[event.kind]
    if event.kind in APPROVALS and event.region_id:
        approved.add(event.region_id)
        return "ready_to_sign" if submitted <= approved else "dprd_review"
    if event.kind == 105 and stage != "ready_to_sign":
        return "drafting"
    return stage


def fill(apps, schema_editor):
    from ksd.cooperation.append_only import install, uninstall

    Event = apps.get_model("cooperation", "Event")
    Cooperation = apps.get_model("cooperation", "Cooperation")
    present = dict(Cooperation.objects.values_list("pk", "stage"))
    uninstall(schema_editor.connection)
    pending = defaultdict(list)
    count = 0

    def flush():
        for stage, ids in pending.items():
            Event.objects.filter(pk__in=ids).update(stage=stage)
        pending.clear()

    current, stage, last = None, "", None
    submitted, approved = set(), set()

    def close():
        if last is not None and present.get(current) and stage != present[current]:
            pending[present[current]].append(last)
        elif last is not None and stage:
            pending[stage].append(last)

    rows = Event.objects.filter(stage="").order_by("cooperation_id", "at", "id").only(
        "pk", "cooperation_id", "kind", "region_id", "changes"
    )
    for event in rows.iterator(chunk_size=2000):
        if event.cooperation_id != current:
            close()
            current, stage, last = event.cooperation_id, "", None
            submitted, approved = set(), set()
        elif last is not None and stage:
            pending[stage].append(last)
        stage = _stage_after(event, stage, submitted, approved) or ""
        last = event.pk
        count += 1
        if count % BATCH == 0:
            flush()
    close()
    flush()
    install(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("cooperation", "0025_asof_event_stage")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
