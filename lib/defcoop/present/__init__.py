"""Stage 4, present: shape tables for notebooks (`analysis`, `history`, `explore`), draw
charts (`charts`), the interactive explorer (`explorer`) and the HTML report (`report`)."""
