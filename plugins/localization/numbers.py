"""Money in the page's locale, by Babel: 313 106 € (no-break spaces)."""

from babel.numbers import format_currency
from jinja2 import pass_context

from .dates import locale, page_lang


@pass_context
def euros(context, amount):
    whole = amount == int(amount)
    pattern = "#,##0\u00a0¤" if whole else "#,##0.00\u00a0¤"
    return format_currency(
        amount, "EUR", format=pattern, locale=locale(page_lang(context)), currency_digits=False
    )
