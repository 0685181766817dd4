package lint

import (
	"fmt"
	"reflect"
)

// OptionSet is a rule's options declared as the fields of a struct T, each
// tagged with its name and documentation:
//
//	type dupOptions struct {
//		Similarity float64 `option:"similarity" doc:"share of common words"`
//		MinWords   int     `option:"min_words" doc:"shortest text compared"`
//	}
//	var dupOpts = lint.NewOptions(dupOptions{Similarity: 0.9, MinWords: 5})
//
// The rule lists dupOpts.List() as its Options and reads dupOpts.Of(p).
// Configuration checks every value against the field's type when it is
// loaded, so a typo or a wrong type is an error at its file:line:column;
// a rule that names an option its struct lacks does not compile.
type OptionSet[T any] struct {
	defaults T
	list     []Option
	field    map[string]int // option name to field index
}

// NewOptions declares the options of one rule, at their defaults. A field
// without an option tag, or of a type configuration cannot give, panics
// when the program starts: it is the rule's mistake, not the user's.
func NewOptions[T any](defaults T) *OptionSet[T] {
	s := &OptionSet[T]{defaults: defaults, field: map[string]int{}}
	v := reflect.ValueOf(defaults)
	if v.Kind() != reflect.Struct {
		panic(fmt.Sprintf("lint: options of type %T are not a struct", defaults))
	}
	for i := range v.NumField() {
		f := v.Type().Field(i)
		name := f.Tag.Get("option")
		if name == "" || !f.IsExported() {
			panic(fmt.Sprintf("lint: option field %s.%s needs to be exported and tagged option:\"name\"", v.Type(), f.Name))
		}
		if _, dup := s.field[name]; dup {
			panic(fmt.Sprintf("lint: option %q is declared twice in %s", name, v.Type()))
		}
		if !optionType(f.Type) {
			panic(fmt.Sprintf("lint: option %s has type %s, which configuration cannot give", name, f.Type))
		}
		s.field[name] = i
		s.list = append(s.list, Option{Name: name, Default: v.Field(i).Interface(), Doc: f.Tag.Get("doc")})
	}
	return s
}

// optionType reports whether configuration can read a value of type t
// (config's convert).
func optionType(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.String, reflect.Bool, reflect.Int, reflect.Float64:
		return true
	case reflect.Slice:
		return optionType(t.Elem())
	case reflect.Map:
		return t.Key().Kind() == reflect.String && optionType(t.Elem())
	}
	return false
}

// List is the rule's Options: names, defaults and documentation.
func (s *OptionSet[T]) List() []Option { return s.list }

// Settings is what holds a rule's configured options: a *Pass or a
// *Corpus.
type Settings interface {
	optionValues() map[string]any
}

// Of returns the options in force: the configured ones over the defaults.
// A value of another type than its field's (a library caller's own
// Config.Options, which no configuration file checked) is converted where
// Go converts it (an int for a float64) and otherwise left at the default;
// Rule.CheckOptions is how such a caller hears about it.
func (s *OptionSet[T]) Of(from Settings) T {
	set := from.optionValues()
	if len(set) == 0 {
		return s.defaults
	}
	out := s.defaults
	v := reflect.ValueOf(&out).Elem()
	for name, val := range set {
		i, ok := s.field[name]
		if !ok {
			continue
		}
		if x, ok := convertOption(reflect.ValueOf(val), v.Field(i).Type()); ok {
			v.Field(i).Set(x)
		}
	}
	return out
}

// convertOption gives x as a value of type t where it has that type or
// Go converts it: numbers to numbers, lists element by element ([]any
// from a caller's own decoding to []string), anything to its text for a
// string, as the options read by name used to.
func convertOption(x reflect.Value, t reflect.Type) (reflect.Value, bool) {
	for x.IsValid() && x.Kind() == reflect.Interface {
		x = x.Elem()
	}
	switch {
	case !x.IsValid():
		return x, false
	case x.Type().AssignableTo(t):
		return x, true
	case numeric(x.Kind()) && numeric(t.Kind()):
		return x.Convert(t), true
	case t.Kind() == reflect.String:
		return reflect.ValueOf(fmt.Sprint(x.Interface())).Convert(t), true
	case x.Kind() == reflect.Slice && t.Kind() == reflect.Slice:
		out := reflect.MakeSlice(t, x.Len(), x.Len())
		for i := range x.Len() {
			e, ok := convertOption(x.Index(i), t.Elem())
			if !ok {
				return x, false
			}
			out.Index(i).Set(e)
		}
		return out, true
	}
	return x, false
}

func numeric(k reflect.Kind) bool {
	return reflect.Int <= k && k <= reflect.Float64
}

// CheckOptions reports the first of set's options that the rule lacks or
// that has a type its default's cannot take, for a program that builds a
// Config's Options itself instead of loading a configuration file.
func (r *Rule) CheckOptions(set map[string]any) error {
	for name, val := range set {
		var opt *Option
		for i := range r.Options {
			if r.Options[i].Name == name {
				opt = &r.Options[i]
			}
		}
		if opt == nil {
			return fmt.Errorf("rule %s has no option %q", r.ID, name)
		}
		want := reflect.TypeOf(opt.Default)
		if _, ok := convertOption(reflect.ValueOf(val), want); !ok {
			return fmt.Errorf("option %s.%s is a %s, not a %T", r.ID, name, want, val)
		}
	}
	return nil
}
