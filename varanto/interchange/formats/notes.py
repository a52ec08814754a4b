"""What a reader noticed without refusing the file (a sheet it skipped, an encoding it guessed)."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Note:
    message: str
    level: str = "warning"

    def __str__(self) -> str:
        return self.message
