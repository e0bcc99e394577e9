"""The complaint iceberg, bounded by the customers the business actually has.

The rule of thumb (DOMAIN.md): each complaint stands for 10 to 26 customers who were unhappy
and said nothing. For a shop with 80 customers, "17 complaints — likely 170–442 silent
unhappy customers" is a number nobody can believe, and a founder who stops believing one
figure stops reading the review. So the estimate is capped by who could be among them:

    silent unhappy <= customers on record - customers who complained

"Customers on record" is everyone the store knows as a customer by the end of the period
(the service decides: written in, called, imported from a customer list; senders marked as
spam or "not a customer" and senders of automatic mail only are left out). The customers who
complained are not silent, so they are not among them. When the cap cuts the range, the
review says so and shows the rule of thumb's figure next to it, so nothing is hidden.
"""

from __future__ import annotations

from dataclasses import dataclass

ICEBERG_LOW = 10
ICEBERG_HIGH = 26


@dataclass(frozen=True)
class Iceberg:
    """Complaints, the rule of thumb's range and the cap the customer base puts on it."""

    complaints: int
    #: distinct customers behind the complaints (they spoke up, so they are not silent)
    complainers: int = 0
    #: customers on record by the end of the period; None when the store was not asked
    customers: int | None = None

    @property
    def estimate(self) -> tuple[int, int]:
        """The rule of thumb alone: complaints x 10 to complaints x 26."""
        return self.complaints * ICEBERG_LOW, self.complaints * ICEBERG_HIGH

    @property
    def bound(self) -> int | None:
        """At most this many customers can be unhappy and silent (None: no cap known)."""
        if self.customers is None:
            return None
        return max(0, self.customers - self.complainers)

    @property
    def bounded(self) -> bool:
        """True when the customer base cuts the rule of thumb's range."""
        bound = self.bound
        return bound is not None and self.complaints > 0 and bound < self.estimate[1]

    @property
    def range(self) -> tuple[int, int]:
        """What the review shows: the estimate, capped at ``bound`` at both ends."""
        low, high = self.estimate
        bound = self.bound
        if bound is None:
            return low, high
        return min(low, bound), min(high, bound)
