# bash completion for the arkit tools (installed once per tool by
# `make install`, where bash-completion looks for it). The options and their
# words come from the tool's own --help, so the completion never falls
# behind the tool: long options from the option lines, the words of
# "--opt a|b|c" from the usage, the formats from the -o line.

_arkit_help()
{
	# one --help per tool and shell
	local var="_arkit_help_${1//-/_}"
	if [[ -z ${!var-} ]]; then
		printf -v "$var" '%s' "$("$1" --help 2>/dev/null)"
	fi
	printf '%s' "${!var}"
}

_arkit()
{
	local cur prev help words opt
	cur=${COMP_WORDS[COMP_CWORD]}
	prev=
	((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD - 1]}
	help=$(_arkit_help "${COMP_WORDS[0]}")

	case $prev in
	-o | --output)
		words=$(sed -n 's/.*--output FMT *\([a-z, ]*\) (default.*/\1/p' <<<"$help" | tr -d ,)
		COMPREPLY=($(compgen -W "$words" -- "$cur"))
		return
		;;
	-i | --input)
		COMPREPLY=($(compgen -W "auto csv tsv json" -- "$cur"))
		return
		;;
	--as-of | --from | --to | --start)
		COMPREPLY=($(compgen -W "today yesterday month-end last-month-end" -- "$cur"))
		return
		;;
	--*)
		# "--opt a|b|c" in the usage: complete those words
		opt=${prev//-/\\-}
		words=$(grep -o -- "$opt [a-z0-9-]*|[a-z0-9|-]*" <<<"$help" | head -1 |
		    cut -d' ' -f2 | tr '|' ' ')
		if [[ -n $words ]]; then
			COMPREPLY=($(compgen -W "$words" -- "$cur"))
			return
		fi
		# an option that takes a file or a value: files
		if grep -q -- "^ *\(-., \)\?$opt [A-Z]" <<<"$help"; then
			COMPREPLY=($(compgen -f -- "$cur"))
			return
		fi
		;;
	esac
	if [[ $cur == -* ]]; then
		words=$(grep -o -- '^ *\(-[a-zA-Z], \)\?--[a-z-]*' <<<"$help" |
		    sed 's/^ *\(-., \)\?//')
		COMPREPLY=($(compgen -W "$words" -- "$cur"))
		return
	fi
	COMPREPLY=($(compgen -f -- "$cur"))
}

complete -o filenames -F _arkit ar-age ar-kpi ar-norm ar-statement \
    credit-grade deal-plan dun-plan pay-plan pick-script
