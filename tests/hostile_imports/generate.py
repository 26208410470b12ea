#!/usr/bin/env python3
"""Writes the hostile import fixtures next to this script.

Each file is something a learner or an employer might load into Praxis by
mistake or by malice. `tests/hostile_imports.rs` reads every one through the
same code the app and `praxis-cli verify`/`rollup` use, and compares what it
says with the file's `.expected` (PRAXIS_BLESS=1 rewrites those). Run this
again after changing a case; the valid backup they start from is built here so
the script needs nothing but Python.
"""
import copy
import hashlib
import json
import pathlib

HERE = pathlib.Path(__file__).parent


def canonical_digest(record):
    text = json.dumps(record, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()


RECORD = {
    "learner_id": "0b7c1f8e-2a4d-4c1e-8f3a-9d2b6e5a4c10",
    "profile": {"name": "Asha Patel", "staff_number": "100", "profession": "nursing", "stage": "registrant"},
    "progress": {},
    "completions": {"what-ai-is": {"completed_at": "2026-01-05T09:00:00.000Z", "minutes": 30, "score": 100}},
    "self_assessments": [],
    "goals": [],
    "cpd": [{
        "id": "cpd-1", "entry_type": "cpd", "date": "2026-02-01", "title": "Sepsis update", "method": "course",
        "hours": 2.5, "participatory_hours": 1.0, "planned": True, "description": "", "standards": [],
        "evidence_note": "", "created_at": "2026-02-01T10:00:00.000Z",
    }],
    "incidents": [],
}


def backup(record=None, **envelope):
    record = copy.deepcopy(RECORD if record is None else record)
    out = {"format": "praxis-backup", "schema_version": 3, "exported_at": "2026-11-22T09:00:00.000Z",
           "app_version": "0.1.0", "content_sha256": canonical_digest(record), "record": record}
    out.update(envelope)
    return out


def with_record(change, redigest=True):
    record = copy.deepcopy(RECORD)
    change(record)
    out = backup(record)
    if not redigest:
        out["content_sha256"] = backup()["content_sha256"]
    return out


def text(obj):
    return json.dumps(obj, indent=1, ensure_ascii=False)


VALID = text(backup())
CASES = {
    # Not JSON at all, or cut short.
    "empty.json": "",
    "whitespace-only.json": "   \n\t  ",
    "truncated-early.json": VALID[:40],
    "truncated-in-string.json": VALID[: VALID.index("Sepsis") + 3],
    "truncated-before-last-brace.json": VALID.rstrip()[:-1],
    "trailing-garbage.json": VALID + "\nrm -rf /",
    "single-quotes.json": VALID.replace('"', "'"),
    "nan-literal.json": VALID.replace('"hours": 2.5', '"hours": NaN'),
    "comment.json": "// exported by hand\n" + VALID,
    "binary-junk.json": b"{\x00\x01\x02\xff\xfe",
    "html-page.json": "<!doctype html><html><script>alert(1)</script></html>",
    # JSON, but not a backup.
    "top-level-array.json": text([backup()]),
    "top-level-string.json": '"praxis-backup"',
    "top-level-null.json": "null",
    "no-format.json": text({k: v for k, v in backup().items() if k != "format"}),
    "other-format.json": text(backup(format="xapi-statements")),
    "format-not-string.json": text(backup(format=3)),
    "xapi-statement.json": text({"actor": {"mbox": "mailto:a@example.org"}, "verb": {"id": "x"}, "object": {"id": "y"}}),
    "no-schema-version.json": text({k: v for k, v in backup().items() if k != "schema_version"}),
    "schema-version-string.json": text(backup(schema_version="3")),
    "schema-version-zero.json": text(backup(schema_version=0)),
    "schema-version-negative.json": text(backup(schema_version=-1)),
    "schema-version-fraction.json": text(backup(schema_version=2.5)),
    "schema-version-future.json": text(backup(schema_version=99)),
    "schema-version-huge.json": VALID.replace('"schema_version": 3', '"schema_version": 1e400'),
    "no-record.json": text({k: v for k, v in backup().items() if k != "record"}),
    "record-null.json": text(backup(record=None) | {"record": None}),
    "record-array.json": text(backup() | {"record": []}),
    "unknown-envelope-field.json": text(backup(signature="trust me")),
    # A backup whose content is wrong.
    "unknown-record-field.json": text(with_record(lambda r: r.update(admin=True))),
    "unknown-profile-field.json": text(with_record(lambda r: r["profile"].update(password="hunter2"))),
    "completions-as-array.json": text(with_record(lambda r: r.update(completions=[]))),
    "cpd-as-object.json": text(with_record(lambda r: r.update(cpd={}))),
    "hours-as-string.json": text(with_record(lambda r: r["cpd"][0].update(hours="2.5"))),
    "hours-negative.json": text(with_record(lambda r: r["cpd"][0].update(hours=-3))),
    "score-out-of-range.json": text(with_record(lambda r: r["completions"]["what-ai-is"].update(score=300))),
    "minutes-negative.json": text(with_record(lambda r: r["completions"]["what-ai-is"].update(minutes=-30))),
    "impossible-date.json": text(with_record(lambda r: r["cpd"][0].update(date="2026-13-45"))),
    "completion-date-garbage.json": text(with_record(
        lambda r: r["completions"]["what-ai-is"].update(completed_at="yesterday"))),
    "duplicate-cpd-ids.json": text(with_record(lambda r: r["cpd"].append(copy.deepcopy(r["cpd"][0])))),
    "entry-type-unknown.json": text(with_record(lambda r: r["cpd"][0].update(entry_type="bribe"))),
    "missing-required-field.json": text(with_record(lambda r: r["cpd"][0].pop("title"))),
    "null-where-text.json": text(with_record(lambda r: r["cpd"][0].update(title=None))),
    "lone-surrogate.json": VALID.replace("Sepsis update", "Sepsis \\ud800 update"),
    "deep-nesting-100.json": "[" * 100 + "]" * 100,
    "deep-nesting-in-record.json": VALID.replace('"goals": []', '"goals": ' + "[" * 40 + "]" * 40),
    "deep-nesting-20000.json": "{\"a\":" * 20_000 + "1" + "}" * 20_000,
    # Readable, but not what Praxis wrote.
    "digest-wrong.json": text(with_record(lambda r: r["cpd"][0].update(hours=25), redigest=False)),
    "digest-missing.json": text({k: v for k, v in backup().items() if k != "content_sha256"}),
    "digest-not-string.json": text(backup(content_sha256=12345)),
    "digest-uppercase.json": text(backup(content_sha256=backup()["content_sha256"].upper())),
    # Valid, with content that must stay inert wherever it is shown.
    "script-in-title.json": text(with_record(
        lambda r: r["cpd"][0].update(title="<script>alert('x')</script><img src=x onerror=alert(1)>"))),
    "formula-in-name.json": text(with_record(
        lambda r: r["profile"].update(name="=cmd|' /C calc'!A0", staff_number="+44 7700"))),
    "control-characters.json": text(with_record(lambda r: r["cpd"][0].update(title="bell\u0007 null\u0000 esc\u001b[31m"))),
    "right-to-left-override.json": text(with_record(lambda r: r["profile"].update(name="\u202egnp.exe"))),
    "byte-order-mark.json": "\ufeff" + VALID,
    "older-format-v1.json": json.dumps({"format": "praxis-backup", "schema_version": 1, "exported_at": "2026-01-01T00:00:00.000Z",
                                        "app_version": "0.0.1", "record": {"completions": {"what-ai-is": {"completed_at": "2026-01-05T09:00:00.000Z"}}}}),
    # Values an attacker or a careless edit might set, each once bricking a view (issue 15).
    "reassess-million-months.json": text(with_record(lambda r: (
        r["profile"].update(reassess_after_months=1000000),
        r["self_assessments"].append({"at": "2026-01-01T09:00:00.000Z",
                                      "ratings": {"human-factors": {"level": 2, "confidence": 3}}})))),
    "completion-9999-12-31.json": text(with_record(
        lambda r: r["completions"]["what-ai-is"].update(completed_at="9999-12-31T00:00:00.000Z"))),
    "hours-1e39.json": VALID.replace('"hours": 2.5', '"hours": 1e39'),
    "level-0.json": text(with_record(lambda r: r["self_assessments"].append(
        {"at": "2026-01-01T09:00:00.000Z", "ratings": {"human-factors": {"level": 0, "confidence": 3}}}))),
    "level-255.json": text(with_record(lambda r: r["self_assessments"].append(
        {"at": "2026-01-01T09:00:00.000Z", "ratings": {"human-factors": {"level": 255, "confidence": 3}}}))),
    "confidence-9.json": text(with_record(lambda r: r["self_assessments"].append(
        {"at": "2026-01-01T09:00:00.000Z", "ratings": {"human-factors": {"level": 2, "confidence": 9}}}))),
    "participatory-over-hours.json": text(with_record(lambda r: r["cpd"][0].update(participatory_hours=9))),
    "date-zzz.json": text(with_record(lambda r: r["cpd"][0].update(date="zzz"))),
    "renewal-year-9999.json": text(with_record(lambda r: r["profile"].update(renewal_date="9999-12-31"))),
    "last-backup-zzzz.json": text(with_record(lambda r: r.update(last_backup_at="zzzz"))),
    "chosen-huge-index.json": text(with_record(lambda r: r["progress"].update({"what-ai-is": {"attempts": [
        {"check_id": "c1", "chosen": [18446744073709551615], "correct": False, "at": "2026-01-01T09:00:00.000Z"}]}}))),
    "duplicate-goal-ids.json": text(with_record(lambda r: r["goals"].extend([
        {"id": "g", "title": "Learn", "target_date": "2026-12-01", "status": "not-started",
         "created_at": "2026-01-01T09:00:00.000Z"}] * 2))),
    # Repeated keys: JSON readers disagree on which counts, so one file could say two things.
    "duplicate-key-in-record.json": VALID.replace('"hours": 2.5', '"hours": 2.5, "hours": 250'),
    "duplicate-key-in-envelope.json": VALID.replace(
        '"exported_at": "2026-11-22T09:00:00.000Z"',
        '"exported_at": "2026-11-22T09:00:00.000Z", "exported_at": "2099-01-01T00:00:00.000Z"'),
    "exported-in-the-future.json": text(backup(exported_at="2099-01-01T00:00:00.000Z")),
    "exported-at-garbage.json": text(backup(exported_at="last Tuesday")),
    "no-exported-at.json": text({k: v for k, v in backup().items() if k != "exported_at"}),
    "zero-width-name.json": text(with_record(
        lambda r: r["profile"].update(name="Asha\u200b Pa\u200dtel\u2066", staff_number="1\u200b00"))),
    "huge-array-in-record.json": VALID.replace('"goals": []', '"goals": [' + ",".join(["0"] * 100_001) + "]"),
    # Spreadsheets an employer might drop in.
    "empty.csv": "",
    "wrong-headings.csv": "Name,Course,Date\r\nAsha,Fire safety,2026-01-01\r\n",
    "headings-only.csv": "Staff number,Name,Profession,Stage,Exported at,Item type,Item id,Item,Status,Completed on,Score (%),CPD hours,Expires on,Level (1-4),Row check\r\n",
    "ragged-row.csv": "Staff number,Name,Profession,Stage,Exported at,Item type,Item id,Item,Status,Completed on,Score (%),CPD hours,Expires on,Level (1-4),Row check\r\n100,Asha,nursing\r\n",
    "unknown-status.csv": "Staff number,Name,Profession,Stage,Exported at,Item type,Item id,Item,Status,Completed on,Score (%),CPD hours,Expires on,Level (1-4),Row check\r\n100,Asha,nursing,registrant,2026-11-22T09:00:00.000Z,module,what-ai-is,What AI is,Done!!,2026-01-05,80,0.50,2029-01-05,,0000000000000000\r\n",
    "formula-cells.csv": "Staff number,Name,Profession,Stage,Exported at,Item type,Item id,Item,Status,Completed on,Score (%),CPD hours,Expires on,Level (1-4),Row check\r\n=1+2,=HYPERLINK(\"http://evil\"),nursing,registrant,2026-11-22T09:00:00.000Z,module,what-ai-is,What AI is,Complete,2026-01-05,80,0.50,2029-01-05,,0000000000000000\r\n",
    "unbalanced-quote.csv": "Staff number,Name\r\n\"100,Asha\r\n",
    "score-not-number.csv": "Staff number,Name,Profession,Stage,Exported at,Item type,Item id,Item,Status,Completed on,Score (%),CPD hours,Expires on,Level (1-4),Row check\r\n100,Asha,nursing,registrant,2026-11-22T09:00:00.000Z,module,what-ai-is,What AI is,Complete,2026-01-05,eighty,0.50,2029-01-05,,0000000000000000\r\n",
}


def person(name, staff_number, exported_at, completed="2026-01-05T09:00:00.000Z", **envelope):
    record = copy.deepcopy(RECORD)
    record["profile"].update(name=name, staff_number=staff_number)
    record["completions"]["what-ai-is"]["completed_at"] = completed
    return backup(record, exported_at=exported_at, **envelope)


# Files an employer drops in together: `tests/hostile_imports.rs` combines
# them as the roll-up does, so each verdict is the one after combining.
FORGED = person("Mallory Jones", "100", "2026-11-20T09:00:00.000Z", completed="2026-11-19T09:00:00.000Z")
EDITED_CAROL = person("Carol Reid", "300", "2026-11-10T09:00:00.000Z")
EDITED_CAROL["record"]["completions"]["what-ai-is"]["score"] = 20
ROLLUP = {
    # A colleague's staff number with a later export time and a recomputed checksum.
    "asha-real.json": text(person("Asha Patel", "100", "2026-11-01T09:00:00.000Z")),
    "asha-forged-later.json": text(FORGED),
    # Invisible characters in the name and number: the same person, not two.
    "ben.json": text(person("Ben Okafor", "200", "2026-11-02T09:00:00.000Z")),
    "ben-zero-width-older.json": text(person("Ben\u200b Okafor\u202e", " 2\u200d00", "2026-10-02T09:00:00.000Z")),
    # Same person, same exported time: the unchanged file is preferred, and the reason says so.
    "carol.json": text(person("Carol Reid", "300", "2026-11-10T09:00:00.000Z")),
    "carol-edited-same-time.json": text(EDITED_CAROL | {"content_sha256": backup(
        person("Carol Reid", "300", "2026-11-10T09:00:00.000Z")["record"])["content_sha256"]}),
    # An offset makes this the earlier instant, though it sorts later as text.
    "dan-zoned.json": text(person("Dan Moss", "400", "2026-11-03T10:00:00.000+02:00")),
    "dan-utc.json": text(person("Dan Moss", "400", "2026-11-03T09:00:00.000Z")),
}


def main():
    for old in HERE.glob("*.json"):
        old.unlink()
    for old in HERE.glob("*.csv"):
        old.unlink()
    for name, content in CASES.items():
        data = content if isinstance(content, bytes) else content.encode("utf-8", "surrogatepass")
        (HERE / name).write_bytes(data)
    rollup = HERE / "rollup"
    rollup.mkdir(exist_ok=True)
    for old in rollup.glob("*.json"):
        old.unlink()
    for name, content in ROLLUP.items():
        (rollup / name).write_text(content, encoding="utf-8")
    print(f"wrote {len(CASES)} fixtures and {len(ROLLUP)} roll-up files")


if __name__ == "__main__":
    main()
