"""Messaging channels for the assistant: Zalo Official Account and Telegram.

Rasa loads them from credentials.yml by module path (`bot.channels.zalo.ZaloInput`,
`bot.channels.telegram.TelegramInput`) with no values there: every setting and secret
comes from the environment through `settings`, and a channel whose environment is not
set is disabled without stopping `rasa run`. Setup for real accounts: docs/CHANNELS.md.
"""
