// SPDX-License-Identifier: GPL-2.0
/*
 * oopsparse: line normalisation: the transport prefixes a console line can carry
 * (syslog, <N>, /dev/kmsg, dmesg -x/-T, printk time and caller id, mail
 * quoting) and the separators the kernel prints around a report.
 */
#include <stdlib.h>
#include <string.h>

#include "parser.h"

static const char *const months[] = {
	"Jan", "Feb", "Mar", "Apr", "May", "Jun",
	"Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
};

static bool is_month(const char *s)
{
	/* every line is asked: reject most at their first byte */
	if (!strchr("JFMASOND", s[0]) || !s[0])
		return false;
	for (size_t i = 0; i < ARRAY_SIZE(months); i++)
		if (!strncmp(s, months[i], 3))
			return true;
	return false;
}

/* "HH:MM:SS" */
static bool is_hms(const char *s)
{
	return is_digit(s[0]) && is_digit(s[1]) && s[2] == ':' &&
	       is_digit(s[3]) && is_digit(s[4]) && s[5] == ':' &&
	       is_digit(s[6]) && is_digit(s[7]);
}

/* "2018/01/09 14:28:48 " */
static bool is_go_date(const char *s)
{
	for (int i = 0; i < 10; i++)
		if (i == 4 || i == 7 ? s[i] != '/' : !is_digit(s[i]))
			return false;
	return s[10] == ' ' && is_hms(s + 11) && s[19] == ' ';
}

/*
 * After a syslog date: "HOST kernel: rest" -> rest, *foreign when the
 * program is not the kernel.
 */
static const char *syslog_program(const char *p, bool *foreign)
{
	const char *host = skip_ws(p), *e = host;

	while (*e && !is_space(*e))
		e++;
	if (e == host)
		return NULL;
	e = skip_ws(e);
	if (!strncmp(e, "kernel:", 7))
		return e[7] == ' ' ? e + 8 : e + 7;
	if (!strncmp(e, "vmunix:", 7))
		return e[7] == ' ' ? e + 8 : e + 7;
	*foreign = true;
	return e;
}

/* strip one prefix, or return NULL */
static const char *strip_one(const char *s, bool *foreign)
{
	const char *p;

	/* BSD syslog: "May 23 18:36:31 host kernel: " */
	if (is_month(s) && s[3] == ' ') {
		p = s + 4;
		if (*p == ' ')
			p++;
		if (is_digit(*p))
			p++;
		if (is_digit(*p))
			p++;
		if (*p == ' ' && is_hms(p + 1))
			return syslog_program(p + 9, foreign);
	}
	/* ISO syslog: "2024-05-23T18:36:31.123+08:00 host kernel: " */
	if (is_digit(s[0]) && is_digit(s[1]) && is_digit(s[2]) &&
	    is_digit(s[3]) && s[4] == '-' && is_digit(s[5]) &&
	    is_digit(s[6]) && s[7] == '-' && s[10] == 'T' &&
	    is_hms(s + 11)) {
		p = s + 19;
		while (*p && !is_space(*p))
			p++;
		return syslog_program(p, foreign);
	}
	/* syzkaller's Go log: "2018/01/09 14:28:48 BUG: memory leak" */
	if (is_go_date(s))
		return s + 20;
	/* the console's login prompt, or printk's "messages dropped" */
	if (s[0] == 's' && (p = prefix(s, "syzkaller login: ")))
		return p;
	if (s[0] == '*' && s[1] == '*' && (p = strstr(s, " messages dropped ** ")))
		return p + 21;
	/* mail quoting: "> " / ">> " (not KASAN's ">ffff888...: fa fb") */
	if (s[0] == '>' && (s[1] == ' ' || s[1] == '>' || s[1] == '[' ||
			    s[1] == '<' || s[1] == '\0'))
		return s[1] == ' ' ? s + 2 : s + 1;
	/* /dev/kmsg record: "PRI,SEQ,USEC,FLAGS;message" */
	if (is_digit(s[0])) {
		int commas = 0;

		for (p = s; *p && *p != ';' && p - s < 48; p++) {
			if (*p == ',')
				commas++;
			else if (!is_digit(*p) && !(commas >= 3 && *p != ' '))
				break;
		}
		if (*p == ';' && commas >= 3)
			return p + 1;
	}
	/* <N> level prefix (vmcore-dmesg, dmesg -r) */
	if (s[0] == '<' && is_digit(s[1])) {
		p = s + 1;
		while (is_digit(*p) && p - s < 5)
			p++;
		if (*p == '>')
			return p + 1;
	}
	/* dmesg -x: "kern  :warn  : " */
	if ((s[0] == 'k' || s[0] == 'u' || s[0] == 'd' || s[0] == 's') &&
	    (!strncmp(s, "kern", 4) || !strncmp(s, "user", 4) ||
	    !strncmp(s, "daemon", 6) || !strncmp(s, "syslog", 6))) {
		p = s;
		while (is_alpha(*p))
			p++;
		p = skip_ws(p);
		if (*p == ':') {
			p++;
			while (is_alpha(*p))
				p++;
			p = skip_ws(p);
			if (*p == ':')
				return p[1] == ' ' ? p + 2 : p + 1;
		}
	}
	if (s[0] == '[') {
		p = skip_ws(s + 1);
		/* [ 1234.567890] */
		if (is_digit(*p)) {
			while (is_digit(*p))
				p++;
			if (*p == '.' && is_digit(p[1])) {
				p++;
				while (is_digit(*p))
					p++;
				if (*p == ']')
					return p[1] == ' ' ? p + 2 : p + 1;
			}
		}
		/* caller id [ T1234] / [  C0] */
		if ((*p == 'T' || *p == 'C') && is_digit(p[1])) {
			p++;
			while (is_digit(*p))
				p++;
			if (*p == ']')
				return p[1] == ' ' ? p + 2 : p + 1;
		}
		/* dmesg -T: [Mon May 23 18:36:31 2022] */
		p = s + 1;
		if (is_alpha(p[0]) && is_alpha(p[1]) && is_alpha(p[2]) &&
		    p[3] == ' ' && is_month(p + 4)) {
			const char *close = strchr(p, ']');

			if (close && close - p < 32 && close - p > 16 &&
			    strchr(p, ':'))
				return close[1] == ' ' ? close + 2 : close + 1;
		}
	}
	return NULL;
}

/*
 * Strip every transport prefix; *stamped tells whether one of them was the
 * kernel's own (printk time, caller id, <N>, /dev/kmsg, dmesg -x/-T,
 * syslog's "kernel:"), as opposed to none or only mail quoting.
 */
const char *op_strip_prefixes(const char *s, bool *foreign,
				  bool *indented, bool *stamped)
{
	const char *p;
	int i;

	*foreign = false;
	*stamped = false;
	for (i = 0; i < 6; i++) {
		p = strip_one(s, foreign);
		if (!p || *foreign)
			break;
		/* mail quoting, a Go log or a prompt are not the kernel's */
		if (s[0] != '>' && s[0] != '*' && !is_go_date(s) &&
		    !prefix(s, "syzkaller login: "))
			*stamped = true;
		s = p;
	}
	if (p && *foreign)
		s = p;
	*indented = is_space(*s);
	return skip_ws(s);
}

bool op_is_separator(const char *b)
{
	size_t n = 0;

	if (prefix(b, "------------[ cut here ]------------"))
		return true;
	while (b[n] == '=')
		n++;
	return n >= 20 && !b[n];
}
