"""Documents get a visibility. Those uploaded before stay private to their region: that is what
the upload page promised their uploaders ("only your region's users and the supervisors")."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("documents", "0001_create_document"),
    ]

    operations = [
        migrations.AddField(
            model_name="document",
            name="visibility",
            field=models.CharField(
                choices=[
                    ("private", "Private to our region (working draft)"),
                    ("parties", "Shared with all parties of the cooperation"),
                    ("public", "Published in the public register"),
                ],
                default="private",
                max_length=10,
                verbose_name="visible to",
            ),
            preserve_default=False,
        ),
    ]
