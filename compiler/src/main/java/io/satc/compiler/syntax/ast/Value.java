package io.satc.compiler.syntax.ast;

/** The right-hand side of an assignment or an argument. */
public sealed interface Value extends Node permits NumberValue, StringValue, SymbolValue, CallValue, ListValue {

    <R> R accept(AstVisitor<R> visitor);
}
