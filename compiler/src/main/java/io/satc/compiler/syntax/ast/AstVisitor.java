package io.satc.compiler.syntax.ast;

/** Double dispatch over statements and values (Java 17 has no pattern switch without preview). */
public interface AstVisitor<R> {
    R visitBlockDecl(BlockDecl node);

    R visitLinkDecl(LinkDecl node);

    R visitAssignment(Assignment node);

    R visitNumber(NumberValue node);

    R visitString(StringValue node);

    R visitSymbol(SymbolValue node);

    R visitCall(CallValue node);

    R visitList(ListValue node);
}
