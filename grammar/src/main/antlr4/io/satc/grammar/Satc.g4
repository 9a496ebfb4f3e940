// The satc mission language, version 1 (see shared/spec/mission-language.md and docs/language.md).
//
// Pure grammar: no actions, no predicates, every alternative labelled. Newlines are statement
// separators; the hand-written MissionParser facade drops the ones inside (...) and [...] before
// parsing, checks nesting depth, and reports lexical errors (the ERROR_* tokens) in user terms.
grammar Satc;

missionFile
    : NL* missionDecl NL* EOF
    ;

missionDecl
    : MISSION name block
    ;

// One top-level declaration on its own: the facade re-parses declarations one by one after a
// syntax error, so that recovery restarts at the next declaration.
singleStatement
    : statement EOF
    ;

// The mission header on its own, for the same recovery.
missionHeader
    : NL* MISSION name LBRACE EOF
    ;

// The head of a declaration up to its `{`, for the same recovery inside nested blocks.
declarationHeader
    : LINK from=name linkArrow to=name LBRACE EOF       # linkHeader
    | kind=keyword name? LBRACE EOF                     # blockHeader
    | kind=IDENT name? LBRACE EOF                       # otherBlockHeader
    ;

block
    : LBRACE sep* (statement (sep+ statement)* sep*)? RBRACE
    ;

sep
    : NL
    | SEMI
    ;

statement
    : LINK from=name linkArrow to=name block?          # linkDecl
    | kind=keyword name? block                         # blockDecl
    | kind=IDENT name? block                           # otherBlockDecl
    | key ASSIGN value                                 # assignment
    ;

linkArrow
    : BIARROW                                          # bidirectional
    | ARROW                                            # directed
    ;

value
    : NUMBER unit?                                     # numberValue
    | STRING                                           # stringValue
    | callee=symbol LPAREN (argument (COMMA argument)* COMMA?)? RPAREN   # callValue
    | symbol                                           # symbolValue
    | LBRACK (value (COMMA value)* COMMA?)? RBRACK     # listValue
    ;

argument
    : key ASSIGN value                                 # namedArgument
    | value                                            # positionalArgument
    ;

unit
    : IDENT (SLASH IDENT)?                             # wordUnit
    | PERCENT                                          # percentUnit
    ;

key
    : IDENT                                            # plainKey
    | keyword                                          # keywordKey
    ;

symbol
    : IDENT                                            # plainSymbol
    | keyword                                          # keywordSymbol
    ;

name
    : IDENT                                            # plainName
    | STRING                                           # quotedName
    | keyword                                          # keywordName
    ;

keyword
    : MISSION | MODEL | WORKLOAD | ACCURACY | CODEC | SATELLITE | GROUND | LINK
    ;

// ---------------------------------------------------------------- lexer

MISSION   : 'mission' ;
MODEL     : 'model' ;
WORKLOAD  : 'workload' ;
ACCURACY  : 'accuracy' ;
CODEC     : 'codec' ;
SATELLITE : 'satellite' ;
GROUND    : 'ground' ;
LINK      : 'link' ;

LBRACE   : '{' ;
RBRACE   : '}' ;
LPAREN   : '(' ;
RPAREN   : ')' ;
LBRACK   : '[' ;
RBRACK   : ']' ;
BIARROW  : '<->' ;
ARROW    : '->' ;
ASSIGN   : '=' ;
COMMA    : ',' ;
SEMI     : ';' ;
SLASH    : '/' ;
PERCENT  : '%' ;

NUMBER
    : '-'? DIGITS ('.' DIGITS)? ([eE] [+-]? DIGITS)?
    ;

IDENT
    : [A-Za-z_] [A-Za-z0-9_-]*
    ;

STRING
    : '"' (~["\\\r\n] | '\\' ~[\r\n])* '"'
    ;

NL
    : '\r'? '\n'
    | '\r'
    ;

LINE_COMMENT
    : ('#' | '//') ~[\r\n]* -> channel(HIDDEN)
    ;

BLOCK_COMMENT
    : '/*' .*? '*/' -> channel(HIDDEN)
    ;

WS
    : [ \t\f\uFEFF]+ -> skip
    ;

// Error tokens: the lexer never fails; the facade turns these into diagnostics.
ERROR_UNTERMINATED_STRING
    : '"' (~["\\\r\n] | '\\' ~[\r\n])* '\\'?
    ;

ERROR_UNTERMINATED_COMMENT
    : '/*' (~'*' | '*'+ ~[*/])* '*'*
    ;

ERROR_CHAR
    : .
    ;

fragment DIGITS
    : [0-9] ('_'* [0-9])*
    ;
