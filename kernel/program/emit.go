package program

import (
	"errors"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"regexp"
	"strings"

	"github.com/goconc/goconc/kernel/cell"
	"github.com/goconc/goconc/kernel/rewrite"
)

// gen produces the interpreter code of one compiled cell.
type gen struct {
	p  *Program
	u  *Unit
	c  *checked
	lw *lowering // what the generic code was lowered to, nil if none
	ps *parsed
	r  *rewrite.Rewriter

	decls   strings.Builder // declarations, for a file Eval
	assigns strings.Builder // statements binding functions
	// typeDecls are the types and constants declared in an Eval of their
	// own, before the others, when makeTypes has the hook calls making a
	// group of mutually recursive types (recursivegroups.go).
	typeDecls strings.Builder
	makeTypes string
	// aliases are the type aliases of the declarations being emitted,
	// written after the others (flushAliases): Yaegi resolves an alias
	// where it stands, and one before its type (type U = T; type T int,
	// or an alias of a generic instance, whose type the lowering writes
	// later) named a T without T's methods.
	aliases strings.Builder

	shown *ast.ExprStmt // the cell's last statement, whose value is shown
	// checks holds the interrupt check of each loop's body, for rewrites
	// that write the body anew.
	checks map[*ast.BlockStmt]string
	// errs are constructs the rewrites found they cannot keep Go's
	// meaning for: the cell is rejected.
	errs Errors
	// fieldArgs are the operands fieldNames passes through its hook.
	fieldArgs map[ast.Expr]bool
	// keptBoxes are operands of compiled calls that a rule hands on in a
	// way that keeps their boxes (boxKept).
	keptBoxes map[ast.Expr]bool
	// numeric are the operands of numeric verbs converted to their basic
	// type (fmtverbs.go): printed as numbers, they need no wrapper.
	numeric map[ast.Expr]bool
	// addressed are the assignments that go through the addresses of the
	// places they assign (explorePoints' split, tupleAssigns).
	addressed map[ast.Stmt]bool
	// phased are the assignments tupleAssigns wrote in two phases, whose
	// places are checked as they are assigned.
	phased map[*ast.AssignStmt]bool
	// rangeDeferred are the defer statements of range-over-function
	// bodies that a loop's list of deferred calls took.
	rangeDeferred map[*ast.DeferStmt]bool
	rangeRecovers map[*ast.CallExpr]bool        // (rangeDeferRecovers)
	rangeExits    map[*ast.RangeStmt]*rangeLoop // (rangeLoops)
	loopClosures  map[*ast.DeferStmt]bool       // (closesOverLoopVars)
	// deferChecks are the calls of defer statements of interfaces'
	// methods, with the types whose nil pointers they must check for
	// (checkNilReceivers; rewriteDefers writes the call).
	deferChecks map[*ast.CallExpr][]*types.Named
	// boxedTypes caches hasBoxedTypes, hiddenInPlace hasHiddenFieldsInPlace.
	boxedTypes, hiddenInPlace *bool
	// lookalikes are the exported fields of the cell's struct types that
	// look renamed (scanStructFields).
	lookalikes []string
	// locals caches localStructs.
	locals *[]*types.Named
	// statementAsserts are the comma-ok assertions that are statements of
	// their own (c, ok := s.(Circle)), by assertion (assertInterfaces).
	statementAsserts map[*ast.TypeAssertExpr]*ast.AssignStmt
	ifAsserts        map[*ast.TypeAssertExpr]*ast.IfStmt // those in an if's init
	// mapKeys are the keys of concrete types canonicalMapKeys boxes.
	mapKeys map[ast.Expr]bool
	// recovering are the notebook's functions that call recover().
	recovering   map[*types.Func]bool
	recoverCalls map[*ast.CallExpr]string
	// recoverBodies are the bodies of the functions of recoverCalls, and
	// framed those given a RecoverFrame (builtins.go).
	recoverBodies map[*ast.CallExpr]*ast.BlockStmt
	framed        map[*ast.BlockStmt]bool
	// devirt holds the assignments of the functions' local variables
	// (devirtualize.go).
	devirt *devirtualizer
	// guardTakes are the recover() calls that take the panic of an
	// earlier deferred call first (guardDefers).
	guardTakes map[*ast.CallExpr]bool
	// prologues are the texts written at the start of function bodies
	// (prologue).
	prologues map[*ast.BlockStmt]string
	// scope holds the top-level declarations the rewrites work on, nil
	// for all: a cell that redefines nothing emits only its own code and
	// what uses a name it rebinds (see emit).
	scope map[ast.Node]bool
}

// FileSuffix ends the file names of the line directives in interpreter
// code: "[5]/_.go" rather than "[5]". The interpreter finds a package used
// in a type by the base name of the file it is used in, and "_.go" is the
// name of the file of every Eval, under which it keeps imports. Messages of
// the interpreter must drop the suffix.
const FileSuffix = "/_.go"

// mainName is what main is called in the interpreter, which would otherwise
// run a function named main on every later Eval.
const mainName = "__goconc_main"

func (p *Program) emit(u *Unit, c *checked, lw *lowering, ps *parsed, replaced map[string]*Decl, rebuild bool, m mode) error {
	// What to emit depends only on the checked program (hidden imports
	// the rewrites add have names of their own): planned first, it tells
	// the rewrites what they need to work on.
	planner := &gen{p: p, u: u, c: c, lw: lw, ps: ps}
	planner.computeSigs()
	pl, needRebuild := planner.plan(replaced)
	if c.a.signaturesOnly && (u.Explore || rebuild || needRebuild || planner.emitsEarlier(pl)) {
		return errNeedBodies
	}
	var scope map[ast.Node]bool
	if m == modeCell && !u.Explore && !rebuild && !needRebuild {
		scope = planner.emitted(pl)
	}
	g, err := p.rewrite(u, c, lw, ps, m, u.Explore, scope)
	if err != nil {
		return err
	}
	g.assigns.WriteString(g.registerExportedFields())
	// An explored cell assigns every function of the notebook its version
	// with scheduling points (g's), and its Restore chunk the plain one.
	var explored string
	if u.Explore {
		plain, err := p.rewrite(u, c, lw, ps, m, false, nil)
		if err != nil {
			return err
		}
		for _, d := range u.next.decls {
			if d.sig != "" && !d.derived {
				g.emitDecl(d, false)
				plain.emitDecl(d, false)
			}
		}
		explored = g.assigns.String()
		g.assigns.Reset()
		u.Restore = chunks("", "", plain.assigns.String())
	}
	next := u.next
	var bodyDecl, bodyCall string
	if len(ps.stmts) > 0 || len(ps.inits) > 0 || (ps.pkgClause && ps.hasMain) {
		// Every cell's function has the same name: the interpreter keeps
		// each function a name was ever given, so distinct names kept the
		// code of every cell for as long as the notebook lived.
		bodyDecl, bodyCall = g.body(cellFunc)
	}
	u.Body = chunks("", bodyDecl, explored+bodyCall)
	if u.Explore && bodyCall != "" {
		u.Body = append(chunks("", bodyDecl, explored), chunks("", "", bodyCall)...)
	}
	if m == modeReplay {
		u.Chunks = u.Body
		g.decls.Reset()
		g.assigns.Reset()
		g.planRecursiveTypes(ps.decls)
		for _, d := range ps.decls {
			g.emitDecl(d, true) // (derived: lowerGenerics)
		}
		g.flushAliases()
		if g.decls.Len() > 0 || g.makeTypes != "" {
			u.Chunks = append(g.withTypesFirst(chunks("", g.decls.String(), g.assigns.String())), u.Body...)
		}
		return nil
	}

	if rebuild || needRebuild || m == modeFull {
		u.Rebuild = true
		g.decls.Reset()
		g.assigns.Reset()
		g.planRecursiveTypes(next.decls)
		for _, d := range next.decls {
			g.emitDecl(d, true)
		}
		g.flushAliases()
		for _, gl := range next.globals {
			fmt.Fprintf(&g.decls, "var %s %s\n", builtinGlobal(gl.Name), g.lw.globalType(gl))
		}
		u.Chunks = g.withTypesFirst(chunks(importBlock(p.compiledImports(next.imports)), g.decls.String(), g.assigns.String()+explored))
		return nil
	}
	g.planRecursiveTypes(pl.decls)
	for _, d := range pl.decls {
		g.emitDecl(d, pl.declareVar[d])
		if pl.redirect[d] {
			g.redirectForwarder(d)
		}
	}
	g.flushAliases()
	for _, gl := range pl.globals {
		fmt.Fprintf(&g.decls, "var %s %s\n", builtinGlobal(gl.Name), g.lw.globalType(gl))
	}
	g.decls.WriteString(bodyDecl)
	// Rendering may have added hidden imports: collect the new ones last.
	var newImports []*Import
	for _, im := range next.imports {
		if !p.st.hasImport(im) {
			newImports = append(newImports, im)
		}
	}
	if u.Explore && bodyCall != "" {
		// The last chunk runs the cell's statements alone: an
		// exploration runs it once per schedule, the others once.
		u.Chunks = append(g.withTypesFirst(chunks(importBlock(p.compiledImports(newImports)), g.decls.String(), g.assigns.String()+explored)), chunks("", "", bodyCall)...)
		return nil
	}
	u.Chunks = g.withTypesFirst(chunks(importBlock(p.compiledImports(newImports)), g.decls.String(), g.assigns.String()+explored+bodyCall))
	return nil
}

// rewrite applies the rewrites to a checked cell, and with explore the
// scheduling points of an explored cell.
func (p *Program) rewrite(u *Unit, c *checked, lw *lowering, ps *parsed, m mode, explore bool, scope map[ast.Node]bool) (*gen, error) {
	g := &gen{p: p, u: u, c: c, lw: lw, ps: ps, r: rewrite.New(c.fset, c.file, c.src, c.info), addressed: map[ast.Stmt]bool{}, phased: map[*ast.AssignStmt]bool{}, scope: scope}
	g.r.FileSuffix = FileSuffix
	if m == modeCell {
		u.Show = g.trailingShow()
	}
	g.blockLabelledClauses() // (first: the blocks go around what other rules write in a clause)
	g.renameBuiltinGlobals()
	g.embedDirectives()
	g.rewriteGo()
	g.dropBlankVars()
	g.zeroBlankElements()
	g.refuseSelfHoldingTypes()
	g.wrapSelfReturningFuncs()
	g.concurrency()
	if explore {
		g.explorePoints()
	}
	g.rangeArrayPointers()
	g.fieldsOverMethods()
	g.bindPointerMethodValues()
	g.loopVars()
	g.rewriteDefers()
	g.endRecoveries()
	g.parenthesizeTupleLiterals()
	g.nilInterfaceZeros()
	g.parenthesizeOperatorValues()
	g.parenthesizeConditionConversions()
	g.parenthesizeBuiltinValues()
	g.derefFirst()
	g.blankLookups()
	g.conversionReceivers()
	g.tupleAssigns()
	g.zeroMissedValues()
	g.writeElidedPointers()
	g.redeclareResults()
	g.returnResultsAtOnce()
	g.interfaceSwitches()
	g.evaluateSwitchTags()
	g.defaultsInPlace()
	g.joinTaglessCases()
	g.integerCases()
	g.selectEmbeddedInterfaces()
	g.selectShallowest()
	g.checkIndexes()
	g.checkShifts()
	g.callsFirst() // (after the checks: they read what the statement reads first)
	g.typeShiftedConstants()
	g.rewriteBuiltins()
	g.typeAppendedNils()
	g.typeNilKeys()
	g.convertForwardedResults()
	g.appendOperandsFirst()
	g.checkMakeCaps()
	g.makeDirectional()
	g.stackAppends()
	g.foldConstants()
	g.compareChannels()
	g.compareAnySpellings()
	g.derefArrayPointers()
	g.refuseInterpretedLayouts()
	g.unsafeCalls()
	g.arrayLengths()
	g.assignPackageVars()
	g.canonicalMapKeys()
	g.keepElementWrites()
	g.keepShapes()
	g.copyIntoInterfaces()
	g.fieldNames()
	g.printerValues()
	g.logCalls()
	g.slogArgs()
	g.plainEncoderArgs()
	g.gobBoxes()
	g.atomicValues()
	g.scanOperands()
	g.flagSetParses()
	g.xmlElementNames()
	g.comparableDeepEqual()
	g.fmtVerbs()
	g.registerLocalTypes()
	g.keepValues() // (after fmtVerbs: a hook of %T takes the kept value)
	g.pickWrappers()
	g.reflectTypeNames()
	g.keepMethods()
	g.nameEmbeddedInterfaces()
	g.tagStructs()
	g.spellDefinedStructs()
	g.spellCompiledUnderlying()
	g.convertStructs()
	g.relayouts()
	g.declaredFields()
	g.reflectMethods()
	g.reflectOperands()
	g.reflectNamedTypes()
	g.templateMethods()
	g.unboxCompiledValues()
	g.nameBlankFields()
	g.uintptrSteps()
	g.rangeFuncs()
	g.typeSwitches()
	g.bindTypeSwitches()
	g.assertInterfaces()
	g.findErrors()
	g.findErrorsIs()
	g.compareInterfaces()
	g.compareNotNil()
	g.checkMethodValues()
	g.checkNilReceivers()
	g.keepElementReads()
	g.heapCalls()
	g.keepResultBoxes()
	g.unboxedArgs()
	g.callUnmarshalers()
	if len(g.errs) > 0 {
		return nil, g.errs
	}
	g.wrapClosures()
	g.nameParams()
	g.wrapShown()
	g.renameMain()
	g.computeSigs()
	return g, nil
}

// rewritable returns the functions whose bodies the rewrites work on: all
// but those with type parameters, which keep the interpreter's own
// channel operations, loops and closures (the rewrites would need their
// types spelled out).
func (g *gen) rewritable() []*ast.FuncDecl {
	var fds []*ast.FuncDecl
	for _, d := range g.scoped() {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil && !isGenericDecl(fd) {
			fds = append(fds, fd)
		}
	}
	return fds
}

// scoped returns the top-level declarations the rewrites work on.
func (g *gen) scoped() []ast.Decl {
	if g.scope == nil {
		return g.c.file.Decls
	}
	var ds []ast.Decl
	for _, d := range g.c.file.Decls {
		if g.scope[d] {
			ds = append(ds, d)
		}
	}
	return ds
}

// walk inspects the declarations the rewrites work on, as ast.Inspect.
func (g *gen) walk(f func(ast.Node) bool) {
	for _, d := range g.scoped() {
		ast.Inspect(d, f)
	}
}

// emitted returns the top-level declarations that a cell which needs no
// rebuild emits (pl): its own, the cell's function, and those of earlier
// cells that use a name it rebinds. The rewrites need not work on the
// others, whose code the interpreter has: every cell would otherwise cost
// a walk of the whole notebook.
// errNeedBodies says that a cell checked with the functions of earlier
// cells by their signatures only (checkCell's quiet cells) emits some of
// them again, and must be checked with their bodies.
var errNeedBodies = errors.New("the cell emits earlier functions: check their bodies")

// emitsEarlier reports whether the plan emits declarations of earlier
// cells.
func (g *gen) emitsEarlier(pl plan) bool {
	mine := map[*Decl]bool{}
	for _, d := range g.ps.decls {
		mine[d] = true
	}
	for _, d := range pl.decls {
		if !mine[d] {
			return true
		}
	}
	return false
}

func (g *gen) emitted(pl plan) map[ast.Node]bool {
	scope := map[ast.Node]bool{}
	if g.c.a.body != nil {
		scope[g.c.a.body] = true
	}
	emitting := map[*Decl]bool{}
	for _, d := range pl.decls {
		emitting[d] = true
	}
	for _, s := range g.c.a.segs {
		if s.node != nil && (s.mine || s.decl != nil && emitting[s.decl]) {
			scope[s.node] = true
		}
	}
	return scope
}

// inspect walks the bodies of the rewritable functions, giving f each node
// and, for a labelled statement, its label (else nil).
func (g *gen) inspect(f func(n ast.Node, label *ast.LabeledStmt) bool) {
	for _, fd := range g.rewritable() {
		labels := map[ast.Stmt]*ast.LabeledStmt{}
		ast.Inspect(fd.Body, func(n ast.Node) bool {
			var label *ast.LabeledStmt
			switch x := n.(type) {
			case *ast.LabeledStmt:
				labels[x.Stmt] = x // seen before the statement it labels
			case ast.Stmt:
				label = labels[x]
			}
			return f(n, label)
		})
	}
}

// inspectResults calls f for each node of the rewritable functions, with
// the results of the function or function literal the node is in (nil if
// unknown), as ast.Inspect calls it.
func (g *gen) inspectResults(f func(n ast.Node, results *types.Tuple) bool) {
	for _, fd := range g.rewritable() {
		var results []*types.Tuple // of the enclosing functions
		var visit func(n ast.Node) bool
		visit = func(n ast.Node) bool {
			if lit, ok := n.(*ast.FuncLit); ok {
				sig, _ := g.c.info.TypeOf(lit).(*types.Signature)
				results = append(results, sigResults(sig))
				ast.Inspect(lit.Body, visit)
				results = results[:len(results)-1]
				return false
			}
			return f(n, results[len(results)-1])
		}
		if fn, ok := g.c.info.Defs[fd.Name].(*types.Func); ok {
			results = append(results, sigResults(fn.Signature()))
		} else {
			results = append(results, nil)
		}
		ast.Inspect(fd.Body, visit)
	}
}

// cannotRun fails the cell with msg at pos: a construct goconc cannot run
// as Go does.
func (g *gen) cannotRun(pos token.Pos, msg string) {
	p := g.c.fset.Position(pos)
	g.errs = append(g.errs, &Error{Label: p.Filename, Line: p.Line, Col: p.Column, Msg: msg})
}

// chunks makes the Evals: imports, a file of declarations, then
// statements. Imports get an Eval of their own: the interpreter resolves
// the packages of types by file name, which the line directives in the
// declarations change, and only imports of earlier Evals are visible from
// every file.
func chunks(imports, decls, stmts string) []Chunk {
	decls, stmts = withSuffix(decls), withSuffix(stmts)
	var out []Chunk
	if imports != "" {
		out = append(out, Chunk{Src: "package main\n" + imports, Decl: true})
	}
	if strings.TrimSpace(decls) != "" {
		out = append(out, Chunk{Src: "package main\n" + decls, Decl: true})
	}
	if strings.TrimSpace(stmts) != "" {
		// A leading semicolon keeps the interpreter from reading a chunk
		// that starts with func(){...}() as a main function.
		out = append(out, Chunk{Src: ";" + stmts})
	}
	return out
}

// bareDirective is a line directive naming a cell without FileSuffix, as
// the text assembled for the type checker holds (a hoisted variable's
// initial value): the interpreter would not find the packages used after it.
var bareDirective = regexp.MustCompile(`/\*line (\[[^\]*]*\]):`)

// withSuffix gives every line directive of src the FileSuffix.
func withSuffix(src string) string {
	return bareDirective.ReplaceAllString(src, "/*line ${1}"+FileSuffix+":")
}

func importBlock(imports []*Import) string {
	if len(imports) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString("import (\n")
	for _, im := range imports {
		fmt.Fprintf(&b, "\t%s %q\n", im.Name, im.Path)
	}
	b.WriteString(")\n")
	return b.String()
}

func (s *state) hasImport(im *Import) bool {
	for _, o := range s.imports {
		if o.Name == im.Name && o.Path == im.Path {
			return true
		}
	}
	return false
}

// plan is what an incremental unit emits.
type plan struct {
	decls      []*Decl
	declareVar map[*Decl]bool // a func whose variable must be (re)declared
	redirect   map[*Decl]bool // a method taking the place of a forwarder (forwarders.go)
	globals    []*Global
}

// plan decides what the interpreter must receive for this cell, and whether
// it must be rebuilt instead.
func (g *gen) plan(replaced map[string]*Decl) (plan, bool) {
	old, next := g.p.st, g.u.next
	pl := plan{declareVar: map[*Decl]bool{}, redirect: map[*Decl]bool{}}
	emitting := map[*Decl]bool{}
	rebound := map[string]bool{} // names whose interpreter binding changes
	mine := map[*Decl]bool{}
	newMethods := false // a new type or method: interfaces gain implementers
	for _, d := range g.ps.decls {
		mine[d] = true
	}
	for _, im := range next.imports {
		if o := old.importNamed(im.Name); o != nil && o.Path != im.Path {
			return pl, true
		}
	}
	for _, d := range next.decls {
		if !mine[d] || d.generic {
			continue // generic code runs as its instances
		}
		var prev *Decl
		for _, k := range d.Keys {
			if r := replaced[k]; r != nil {
				prev = r
			}
		}
		if prev == nil && (d.Kind == cell.Type || d.Kind == cell.Method) || g.declaresPrintedStructs(d) {
			newMethods = true
		}
		if prev == nil {
			if s := g.segmentOf(d); d.Kind == cell.Method && s != nil {
				if fd, ok := s.node.(*ast.FuncDecl); ok {
					if replaces, inPlace := g.forwardedBy(fd); inPlace {
						pl.redirect[d] = true // the forwarder calls the method
					} else if replaces {
						g.u.RebuildWhy = g.forwarderGoes(fd)
						return pl, true // the type's forwarder of the method goes
					}
				}
			}
			for _, k := range d.Keys {
				if old.findGlobal(k) != nil || old.importNamed(k) != nil {
					rebound[k] = true
				}
			}
			emitting[d] = true
			pl.declareVar[d] = true
			continue
		}
		if prev.Src == d.Src && prev.Kind == d.Kind {
			continue // re-running an unchanged declaration
		}
		if prev.Kind != d.Kind || strings.Join(prev.Keys, ",") != strings.Join(d.Keys, ",") {
			return pl, true
		}
		switch d.Kind {
		case cell.Type:
			return pl, true
		case cell.Const:
			emitting[d] = true
			for _, k := range d.Keys {
				rebound[k] = true
			}
		case cell.Func, cell.Method:
			if d.sig == "" || prev.sig == "" {
				return pl, true // generic: emitted as is, cannot be redefined in place
			}
			emitting[d] = true
			if d.sig != prev.sig {
				if d.Kind == cell.Method {
					return pl, true
				}
				pl.declareVar[d] = true
				rebound[d.Keys[0]] = true
			}
		}
	}
	for _, gl := range next.globals {
		if o := old.findGlobal(gl.Name); o == gl {
			continue
		} else if o != nil || old.findDecl(gl.Name) != nil {
			rebound[gl.Name] = true
		}
		pl.globals = append(pl.globals, gl)
	}
	// Code compiled earlier is bound to the old variables and constants:
	// recompile what uses a rebound name.
	if len(rebound) > 0 {
		uses := g.uses()
		for _, d := range next.decls {
			if emitting[d] || d.generic {
				continue
			}
			hit := false
			for name := range uses[d] {
				if rebound[name] {
					hit = true
				}
			}
			if !hit {
				continue
			}
			if d.sig == "" {
				return pl, true // a type, constant or generic depends on it
			}
			emitting[d] = true
		}
	}
	if newMethods {
		// Assertions to interfaces list the types that implement them
		// (assertInterfaces), a print of an interface passes it to
		// fmt's hook once the notebook has types it must name
		// (fieldsTail), and a call of an interface's method checks for
		// nil pointers to the types with a value method of its name
		// (checkNilReceivers): recompile the functions that have one.
		valueMethods := g.newValueMethods()
		for _, s := range g.c.a.segs {
			if s.decl == nil || emitting[s.decl] || s.decl.generic || mine[s.decl] || !g.assertsToInterface(s.node) && !g.printsInterface(s.node) && !g.callsInterfaceMethod(s.node, valueMethods) {
				continue
			}
			if s.decl.sig == "" {
				return pl, true
			}
			emitting[s.decl] = true
		}
	}
	for _, d := range next.decls {
		if emitting[d] {
			pl.decls = append(pl.decls, d)
		}
	}
	return pl, false
}

// uses returns, for each declaration, the package-level names it refers to.
func (g *gen) uses() map[*Decl]map[string]bool {
	out := map[*Decl]map[string]bool{}
	scope := g.c.pkg.Scope()
	for id, obj := range g.c.info.Uses {
		if obj == nil || obj.Parent() != scope {
			continue
		}
		s := g.c.a.segmentAt(g.c.offset(id.Pos()))
		if s == nil || s.decl == nil {
			continue
		}
		if out[s.decl] == nil {
			out[s.decl] = map[string]bool{}
		}
		out[s.decl][obj.Name()] = true
	}
	return out
}

// computeSigs records the signature of each indirect function and method,
// and leaves it empty for declarations emitted as they are.
func (g *gen) computeSigs() {
	for _, s := range g.c.a.segs {
		if s.kind != segDecl || s.decl == nil || s.node == nil {
			continue
		}
		fd, ok := s.node.(*ast.FuncDecl)
		if !ok || isGenericDecl(fd) {
			s.decl.sig = ""
			continue
		}
		if obj := g.c.info.Defs[fd.Name]; obj != nil && g.throughFuncCycle(obj.Type()) {
			s.decl.sig = "" // (see throughFuncCycle)
		} else if obj != nil {
			s.decl.sig = types.TypeString(obj.Type(), func(p *types.Package) string { return p.Path() })
		}
	}
}

// segmentOf returns the segment of a declaration.
func (g *gen) segmentOf(d *Decl) *segment {
	for _, s := range g.c.a.segs {
		if s.decl == d {
			return s
		}
	}
	return nil
}

// emitDecl writes a declaration. Functions and methods become variables
// holding function literals, so that redefining one reaches code compiled
// before; declareVar says whether to (re)declare that variable.
// flushAliases writes the aliases of the declarations emitted, after
// them.
func (g *gen) flushAliases() {
	g.decls.WriteString(g.aliases.String())
	g.aliases.Reset()
}

// isAliasDecl reports whether gd declares type aliases alone.
func isAliasDecl(gd *ast.GenDecl) bool {
	if gd.Tok != token.TYPE || len(gd.Specs) == 0 {
		return false
	}
	for _, sp := range gd.Specs {
		if !sp.(*ast.TypeSpec).Assign.IsValid() {
			return false
		}
	}
	return true
}

func (g *gen) emitDecl(d *Decl, declareVar bool) {
	s := g.segmentOf(d)
	if s == nil || s.node == nil {
		return
	}
	if blankType(s.node) {
		return // type _ int: checked, and never used
	}
	decls := &g.decls
	if gd, ok := s.node.(*ast.GenDecl); ok && g.typesFirst(gd) {
		decls = &g.typeDecls
	}
	if gd, ok := s.node.(*ast.GenDecl); ok && gd.Tok == token.CONST {
		if text, ok := g.lowerConstDecl(gd); ok {
			decls.WriteString(text + "\n")
			return
		}
	}
	if gd, ok := s.node.(*ast.GenDecl); ok && decls == &g.decls && isAliasDecl(gd) {
		decls = &g.aliases
	}
	fd, isFunc := s.node.(*ast.FuncDecl)
	if !isFunc || d.sig == "" {
		decls.WriteString(g.segmentSource(s) + "\n")
		if gd, ok := s.node.(*ast.GenDecl); ok && gd.Tok == token.TYPE {
			g.decls.WriteString(g.boxMarkers(gd))
			g.forwarders(gd)
			g.assigns.WriteString(g.registerTypes(gd))
			g.assigns.WriteString(g.registerFields(gd))
			g.assigns.WriteString(g.registerPromotedCodecs(gd))
			g.assigns.WriteString(g.registerTypeMethods(gd))
			g.assigns.WriteString(g.registerNamedShapes(gd))
			g.assigns.WriteString(g.registerFieldTypes(gd))
		}
		return
	}
	if fd.Name.Name == "_" {
		return // func _() and func (T) _(): checked, and never called
	}
	r := g.r
	params := g.fields(fd.Type.Params, false)
	results := ""
	if fd.Type.Results != nil {
		results = r.Text(fd.Type.Results)
	}
	lit := func(prefix []string) string {
		all := append(prefix, params...)
		return "func(" + strings.Join(all, ", ") + ") " + results + " " + r.Source(fd.Body)
	}
	if fd.Recv == nil {
		name := builtinGlobal(fd.Name.Name)
		if name == "main" {
			name = mainName
		}
		if declareVar {
			fmt.Fprintf(&g.decls, "var %s func(%s) %s\n", name, strings.Join(g.typesOnly(fd.Type.Params), ", "), g.resultTypes(fd.Type.Results))
		}
		fmt.Fprintf(&g.assigns, "%s = %s\n", name, lit(nil))
		return
	}
	// A method: a stub that calls a variable holding the body.
	recv := fd.Recv.List[0]
	recvName := "__goconc_r"
	if len(recv.Names) == 1 && recv.Names[0].Name != "_" {
		recvName = recv.Names[0].Name
	}
	recvField := recvName + " " + r.Text(recv.Type)
	hidden := methodVar(recvTypeName(recv.Type), fd.Name.Name)
	if declareVar {
		fmt.Fprintf(&g.decls, "var %s func(%s) %s\n", hidden, strings.Join(append([]string{r.Text(recv.Type)}, g.typesOnly(fd.Type.Params)...), ", "), g.resultTypes(fd.Type.Results))
		stubParams, args := g.stubParams(fd.Type.Params)
		ret := ""
		if fd.Type.Results != nil && len(fd.Type.Results.List) > 0 {
			ret = "return "
		}
		fmt.Fprintf(&g.decls, "func (%s) %s(%s) %s { %s%s(%s) }\n", recvField, fd.Name.Name, strings.Join(stubParams, ", "), results,
			ret, hidden, strings.Join(append([]string{recvName}, args...), ", "))
	}
	fmt.Fprintf(&g.assigns, "%s = %s\n", hidden, lit([]string{recvField}))
	g.assigns.WriteString(g.registerMarshaler(fd))
	g.assigns.WriteString(g.registerStringer(fd))
	g.assigns.WriteString(g.registerDeclaredMethod(fd))
}

// methodVar names the variable holding the body of a notebook method,
// which its stub calls.
func methodVar(recv, method string) string {
	return "__goconc_m_" + recv + "_" + method
}

// segmentSource renders a whole segment with its position.
func (g *gen) segmentSource(s *segment) string {
	tf := g.c.fset.File(g.c.file.Pos())
	return g.r.Directive(tf.Pos(s.start)) + g.r.Range(s.start, s.end)
}

// fields writes a parameter list field by field, naming unnamed ones "_".
func (g *gen) fields(fl *ast.FieldList, _ bool) []string {
	var out []string
	if fl == nil {
		return out
	}
	for _, f := range fl.List {
		typ := g.r.Text(f.Type)
		if len(f.Names) == 0 {
			out = append(out, "_ "+typ)
			continue
		}
		for _, n := range f.Names {
			out = append(out, n.Name+" "+typ)
		}
	}
	return out
}

// typesOnly lists the types of a parameter list, one per parameter, without
// names. A function variable's type is written this way because Yaegi takes
// the parameter names of a package-level variable's type for references to
// globals of the same name ("variable definition loop" for
// func f(wg *sync.WaitGroup) once a global wg exists).
func (g *gen) typesOnly(fl *ast.FieldList) []string {
	var out []string
	if fl == nil {
		return out
	}
	for _, f := range fl.List {
		typ := g.r.Text(f.Type)
		for range max(1, len(f.Names)) {
			out = append(out, typ)
		}
	}
	return out
}

// resultTypes writes a result list without names, as typesOnly.
func (g *gen) resultTypes(fl *ast.FieldList) string {
	if fl == nil || len(fl.List) == 0 {
		return ""
	}
	ts := g.typesOnly(fl)
	if len(ts) == 1 {
		return ts[0]
	}
	return "(" + strings.Join(ts, ", ") + ")"
}

// stubParams names every parameter of a method stub and returns the
// arguments that pass them on.
func (g *gen) stubParams(fl *ast.FieldList) (params, args []string) {
	i := 0
	for _, f := range fl.List {
		typ := g.r.Text(f.Type)
		_, variadic := f.Type.(*ast.Ellipsis)
		names := f.Names
		if len(names) == 0 {
			names = []*ast.Ident{nil}
		}
		for _, n := range names {
			name := fmt.Sprintf("__goconc_a%d", i)
			if n != nil && n.Name != "_" {
				name = n.Name
			}
			i++
			params = append(params, name+" "+typ)
			if variadic {
				args = append(args, name+"...")
			} else {
				args = append(args, name)
			}
		}
	}
	return params, args
}

// body writes the function holding the cell's statements and its call.
func (g *gen) body(name string) (decl, call string) {
	var b strings.Builder
	b.WriteString("func " + name + "() {\n")
	// The interpreter sometimes reports a panic one statement early: give
	// the prologue the position of the first statement.
	for _, s := range g.c.a.segs {
		if s.kind == segStmt {
			b.WriteString(g.r.Directive(g.c.fset.File(g.c.file.Pos()).Pos(s.start)))
			break
		}
	}
	b.WriteString(HooksName + ".CellStart()\n")
	// What rewrites write at the start of the function (its guard of
	// deferred calls): its body is written here, statement by statement.
	for _, d := range g.c.file.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv == nil && fd.Name.Name == name && fd.Body != nil {
			b.WriteString(g.prologues[fd.Body])
		}
	}
	// As in a Go program, init functions run once the variables declared
	// before them have their values: after the cell's leading var
	// declarations, before its first other statement.
	inits := func() {
		for _, s := range g.c.a.segs {
			if s.kind == segInit && s.node != nil {
				fd := s.node.(*ast.FuncDecl)
				b.WriteString("func() " + g.r.Source(fd.Body) + "()\n")
			}
		}
	}
	initsDone := false
	for _, s := range g.c.a.segs {
		if s.kind != segStmt {
			continue
		}
		if !initsDone && s.part.Kind != cell.Var {
			inits()
			initsDone = true
		}
		b.WriteString(g.segmentSource(s) + "\n")
	}
	if !initsDone {
		inits()
	}
	b.WriteString("}\n")
	call = name + "()"
	if g.ps.pkgClause && g.ps.hasMain {
		call += "; " + mainName + "()"
	}
	return b.String(), call
}

// renameMain renames uses of the program's main function.
func (g *gen) renameMain() {
	scope := g.c.pkg.Scope()
	for id, obj := range g.c.info.Uses {
		if f, ok := obj.(*types.Func); ok && f.Name() == "main" && f.Parent() == scope {
			g.r.ReplaceRange(id.Pos(), id.End(), mainName)
		}
	}
}

// blankType reports whether n declares types named _ only, which Yaegi
// rejects ("cannot use _ as value").
func blankType(n ast.Node) bool {
	gd, ok := n.(*ast.GenDecl)
	if !ok || gd.Tok != token.TYPE {
		return false
	}
	for _, spec := range gd.Specs {
		if spec.(*ast.TypeSpec).Name.Name != "_" {
			return false
		}
	}
	return true
}
