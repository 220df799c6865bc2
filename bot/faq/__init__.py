"""The FAQ: grounded answers about roles, pay and our postings, each fact with its source.

    from bot.faq import Faq
    Faq(store).ask("how much does a network tech make in Colorado?")
    # FaqAnswer(answered=True, answer="Network Technician pay in Colorado (BLS OEWS, May 2025 …",
    #           sources=["BLS OEWS, May 2025 (Colorado; SOC 15-1231 …)", …])

No language model: `understand` reads the question with a lexicon and the catalogue's title
resolver; answers come from curated roles, O*NET 29.3, BLS OEWS May 2025 and the store, worded
by the templates in prompts/faq/. Plain text out; adapters escape it for where it is shown.
"""

from bot.faq.model import FaqAnswer, PostingField, RoleMention, Topic, Understanding
from bot.faq.service import Faq, answer, ask
from bot.faq.understand import understand

__all__ = [
    "Faq",
    "FaqAnswer",
    "PostingField",
    "RoleMention",
    "Topic",
    "Understanding",
    "answer",
    "ask",
    "understand",
]
