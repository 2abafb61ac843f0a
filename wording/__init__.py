"""Facts from analysis/ made words in the user's language: the suggested actions and the
meeting's figures. The phrases themselves live in the catalogue (i18n)."""
