"""The edit forms of the records management plan: task classes, phases and actions, document types."""

from __future__ import annotations

from varanto.catalog import declarations

from .records import RecordForm, record_meta


class TaskClassForm(RecordForm):
    kind = declarations.TASK_CLASS
    Meta = record_meta(kind)


class ProcessActionForm(RecordForm):
    kind = declarations.PROCESS_ACTION
    Meta = record_meta(kind)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The select names each phase with its class, so that phases of the same name can be told apart.
        self.fields["parent"].queryset = self.fields["parent"].queryset.select_related("task_class")
        self.fields["parent"].label_from_instance = lambda a: f"{a.task_class.code} · {a.name}"


class DocumentTypeForm(RecordForm):
    kind = declarations.DOCUMENT_TYPE
    Meta = record_meta(kind)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["action"].queryset = self.fields["action"].queryset.select_related("task_class")
        self.fields["action"].label_from_instance = lambda a: f"{a.task_class.code} · {a.name}"
