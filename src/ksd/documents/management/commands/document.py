"""`ksd document ID KIND --format docx|pdf -o FILE`: draft a document from a cooperation's
record into a file. With `--as USERNAME` it is also kept among the cooperation's documents for
that user's region, exactly as the page does (the same checks, a new version, an event)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.contrib.auth.models import User
from django.core.management.base import BaseCommand, CommandError, CommandParser

from ksd.cooperation.models import Cooperation
from ksd.core import clock
from ksd.core.access import membership_of
from ksd.core.dates import today_at
from ksd.core.errors import StepRefused
from ksd.documents.drafting import render
from ksd.documents.drafting.kinds import DraftKind, FileFormat
from ksd.documents.drafting.record import parts_for
from ksd.documents.drafting.services import generate_document
from ksd.documents.storage import open_stored


class Command(BaseCommand):
    help = "Draft a document (offer letter, KB, PKS, DPRD letter, Surat Kuasa, cover letters, addendum) from a cooperation's record."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("cooperation", type=int, help="the cooperation's id")
        parser.add_argument("kind", choices=DraftKind.values)
        parser.add_argument(
            "--format", dest="file_format", choices=FileFormat.values, default="docx"
        )
        parser.add_argument("-o", "--output", required=True, help="the file to write")
        parser.add_argument(
            "--region", help="the region whose letter it is (default: the initiator)"
        )
        parser.add_argument(
            "--as", dest="username", help="keep it as a document of this operator's region"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        cooperation = Cooperation.objects.filter(pk=options["cooperation"]).first()
        if cooperation is None:
            raise CommandError(f"Kerja sama {options['cooperation']} tidak ada.")
        kind, file_format = options["kind"], options["file_format"]
        now = clock.now()
        if options["username"]:
            user = User.objects.filter(username=options["username"]).first()
            membership = membership_of(user) if user else None
            if membership is None or membership.region_id is None:
                raise CommandError(
                    f"Pengguna {options['username']} tidak ada atau tidak mewakili daerah."
                )
            try:
                document = generate_document(
                    cooperation.pk, actor=user, region_code=membership.region_id, kind=kind,
                    file_format=file_format, now=now,
                )  # fmt: skip
            except StepRefused as refused:
                raise CommandError(str(refused)) from None
            with open_stored(document.sha256) as stored:
                content = stored.read()
        else:
            if file_format == FileFormat.PDF and (reason := render.pdf_unavailable()):
                raise CommandError(reason)
            region = options["region"] or (cooperation.initiator_id or None)
            if region and not cooperation.parties.filter(region_id=region).exists():
                raise CommandError(f"Daerah {region} bukan pihak kerja sama ini.")
            parts = parts_for(cooperation, kind, region_code=region, today=today_at(now))
            content = (
                render.to_docx(parts) if file_format == FileFormat.DOCX else render.to_pdf(parts)
            )
        Path(options["output"]).write_bytes(content)
        self.stdout.write(f"{options['output']} ({len(content)} bytes)")
