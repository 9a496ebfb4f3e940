package io.satc.compiler.syntax.ast;

/** What a block contains: declarations with a body, links, and {@code key = value} assignments. */
public sealed interface Statement extends Node permits BlockDecl, LinkDecl, Assignment {

    <R> R accept(AstVisitor<R> visitor);
}
