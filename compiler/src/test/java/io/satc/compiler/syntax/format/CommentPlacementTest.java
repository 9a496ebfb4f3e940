package io.satc.compiler.syntax.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Every place a comment can stand, and where the formatter puts it. */
class CommentPlacementTest {

    private static void formatsTo(String input, String expected) {
        assertEquals(expected, RoundTrip.check("case.sat", input));
    }

    @Test
    void ownLineCommentStaysBeforeItsStatementAtItsIndentation() {
        formatsTo("""
                mission m {
                workload {
                # per sample
                        // and per batch
                  batch = 64
                }
                }
                """, """
                mission m {
                  workload {
                    # per sample
                    // and per batch
                    batch = 64
                  }
                }
                """);
    }

    @Test
    void trailingCommentStaysOnItsLineAfterTwoSpaces() {
        formatsTo("""
                mission m {
                  workload {
                    input = 150 kB # raw bytes
                    batch = 64;   // after a semicolon
                  }
                  satellite a { memory = 8 GB }     # a relay
                }
                """, """
                mission m {
                  workload {
                    input = 150 kB  # raw bytes
                    batch = 64  // after a semicolon
                  }
                  satellite a { memory = 8 GB }  # a relay
                }
                """);
    }

    @Test
    void trailingCommentOfTheFirstOfTwoStatementsOnALine() {
        formatsTo("mission m {\n  a = 1 /* one */; b = 2 # two\n}\n", """
                mission m {
                  a = 1  /* one */
                  b = 2  # two
                }
                """);
    }

    @Test
    void commentsInsideEmptyBlocks() {
        formatsTo("""
                mission m {
                  workload { # header
                  }
                  accuracy {
                    # defaults are fine
                  }
                  codec c { /* none yet */ }
                }
                """, """
                mission m {
                  workload {  # header
                  }
                  accuracy {
                    # defaults are fine
                  }
                  codec c {  /* none yet */
                  }
                }
                """);
    }

    @Test
    void commentBeforeClosingBraceStaysInsideTheBlock() {
        formatsTo("""
                mission m {
                  workload {
                    batch = 64

                    # micro_batches = 8
                  }
                  source = a
                  # end of mission
                }
                """, """
                mission m {
                  workload {
                    batch = 64

                    # micro_batches = 8
                  }
                  source = a
                  # end of mission
                }
                """);
    }

    @Test
    void commentAfterOpeningBraceStaysOnThatLine() {
        formatsTo("mission m { # the demo\n  source = a\n}\n", """
                mission m {  # the demo
                  source = a
                }
                """);
    }

    @Test
    void topLevelCommentsBeforeAndAfterTheMission() {
        formatsTo("""
                # Earth observation demo.
                // Second line.

                /* licence
                   block */
                mission m {
                  source = a
                } # done

                # trailing notes


                # more
                """, """
                # Earth observation demo.
                // Second line.

                /* licence
                   block */
                mission m {
                  source = a
                }  # done

                # trailing notes

                # more
                """);
    }

    @Test
    void commentOnTheMissionLineBeforeTheKeyword() {
        formatsTo("/* first */ mission m {\n  source = a\n}\n", "/* first */\nmission m {\n  source = a\n}\n");
    }

    @Test
    void blockCommentsAreKeptVerbatim() {
        formatsTo("""
                mission m {
                    /* Keep
                         this   layout
                    exactly */
                  source = a /* short */
                }
                """, """
                mission m {
                  /* Keep
                         this   layout
                    exactly */
                  source = a  /* short */
                }
                """);
    }

    @Test
    void blockCommentsBetweenTokensStayBetweenThem() {
        formatsTo("""
                mission /* a */ m /* b */ {
                  satellite /* kind */ leo-1 /* name */ { memory = 8 GB }
                  memory /* key */ = /* value */ 8 /* unit */ GB
                  rate = 5 kB /* slash */ / s
                  link a /* from */ <-> /* to */ b
                }
                """, """
                mission /* a */ m /* b */ {
                  satellite /* kind */ leo-1 /* name */ { memory = 8 GB }
                  memory /* key */ = /* value */ 8 /* unit */ GB
                  rate = 5 kB /* slash */ /s
                  link a /* from */ <-> /* to */ b
                }
                """);
    }

    @Test
    void commentsInsideACallExpandItOneArgumentPerLine() {
        formatsTo("""
                mission m {
                  model g {
                    arch = gpt(layers = 12, # small
                               hidden = 768, heads = 12 /* per layer */,
                               # vocab of GPT-2
                               vocab = 50257, context = 1024)
                  }
                }
                """, """
                mission m {
                  model g {
                    arch = gpt(
                      layers = 12,  # small
                      hidden = 768,
                      heads = 12,  /* per layer */
                      # vocab of GPT-2
                      vocab = 50257,
                      context = 1024,
                    )
                  }
                }
                """);
    }

    @Test
    void commentsInsideAListAndAfterItsOpeningBracket() {
        formatsTo("""
                mission m {
                  codecs = [ # candidates
                    fp16, int8,
                    topk(5 %) // sparse
                    # more later
                  ]
                }
                """, """
                mission m {
                  codecs = [  # candidates
                    fp16,
                    int8,
                    topk(5 %),  // sparse
                    # more later
                  ]
                }
                """);
    }

    @Test
    void commentInsideANestedCallExpandsOnlyWhatHoldsIt() {
        formatsTo("""
                mission m {
                  codecs = [fp16, topk(5 % /* kept */), int8]
                }
                """, """
                mission m {
                  codecs = [
                    fp16,
                    topk(
                      5 %,  /* kept */
                    ),
                    int8,
                  ]
                }
                """);
    }

    @Test
    void lineCommentInsideAnArgumentContinuesOnTheNextLine() {
        formatsTo("""
                mission m {
                  arch = f(layers # why
                    = 48)
                }
                """, """
                mission m {
                  arch = f(
                    layers # why
                      = 48,
                  )
                }
                """);
    }

    @Test
    void lineCommentTrailingWhitespaceIsDropped() {
        formatsTo("mission m {\n  source = a   # note   \t\n}\n", "mission m {\n  source = a  # note\n}\n");
    }

    @Test
    void blockCommentLinesLoseTrailingWhiteSpaceOnly() {
        formatsTo(
                "/* a  \n   b\t\n*/\nmission m {\n  source = a\n}\n", "/* a\n   b\n*/\nmission m {\n  source = a\n}\n");
    }

    @Test
    void crlfInsideBlockCommentsBecomesLf() {
        formatsTo(
                "/* a\r\n   b */\r\nmission m {\r\n  source = a\r\n}\r\n",
                "/* a\n   b */\nmission m {\n  source = a\n}\n");
    }
}
