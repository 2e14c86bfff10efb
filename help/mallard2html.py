#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Turn the user guide's Mallard pages into plain HTML pages.

Yelp shows the Mallard pages themselves; where Yelp is not installed the
application opens these HTML pages in the web browser instead. This covers
the part of Mallard the guide uses (and fails on anything else, so that a
page never loses text silently): guide and topic pages, sections, automatic
topic links from a guide's sections, "see also" links (both ways, as Yelp
shows them), paragraphs, lists, steps, terms, notes, tables, screens and the
usual inline elements.

It also checks the pages: every link must lead to a page or section that
exists, every page id must match its file name, and every topic page must be
linked from a guide.

With --translation, the pages are first translated with itstool and that
compiled catalogue (help/LANG/LANG.po), as gnome.yelp() does for Yelp, and
the HTML is in that language.

Usage: mallard2html.py [--check] [--css FILE]
                       [--translation LANG.mo --itstool PROGRAM --lang LANG]
                       --output-dir DIR PAGE...
"""

import argparse
import html
import pathlib
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

NS = '{http://projectmallard.org/1.0/}'
XML_LANG = '{http://www.w3.org/XML/1998/namespace}lang'

# The words the HTML adds around the pages' own text, by language (Yelp has
# its own). A language new to the guide needs its words here.
HEADINGS = {
    'en': {'see-also': 'See also'},
    'cy': {'see-also': 'Gweler hefyd'},
}

BLOCKS = {'p', 'list', 'steps', 'terms', 'note', 'table', 'screen', 'code', 'section',
          'links', 'example'}
INLINE = {'gui', 'guiseq', 'key', 'keyseq', 'cmd', 'input', 'output', 'var', 'file', 'app',
          'em', 'sys', 'code', 'link', 'span', 'media'}
INFO_IGNORED = {'revision', 'credit', 'license', 'desc', 'link', 'title', 'include'}


class PageError(Exception):
    pass


def local(element):
    tag = element.tag
    if not tag.startswith(NS):
        raise PageError(f'element {tag} is not Mallard')
    return tag[len(NS):]


def plain_text(element):
    """The text of an element with markup dropped, spaces tidied."""
    return ' '.join(''.join(element.itertext()).split())


class Page:
    def __init__(self, path, label=None):
        # label: how messages name the page, when path is a translated copy
        self.path = label or path
        try:
            self.root = ET.parse(path).getroot()
        except ET.ParseError as error:
            raise PageError(f'{self.path}: {error}') from error
        if local(self.root) != 'page':
            raise PageError(f'{self.path}: the root element is not <page>')
        self.lang = self.root.get(XML_LANG, 'en-GB')
        self.id = self.root.get('id')
        if self.id != path.stem:
            raise PageError(f'{self.path}: page id "{self.id}" does not match the file name')
        self.type = self.root.get('type', 'topic')
        title = self.root.find(NS + 'title')
        if title is None:
            raise PageError(f'{self.path}: the page has no <title>')
        self.title = title
        info = self.root.find(NS + 'info')
        desc = info.find(NS + 'desc') if info is not None else None
        self.desc = desc
        self.guides = []      # (page id, section id or None)
        self.seealso = []     # page ids
        if info is not None:
            for link in info.findall(NS + 'link'):
                kind = link.get('type')
                xref = link.get('xref', '')
                page, _, section = xref.partition('#')
                if kind == 'guide':
                    self.guides.append((page, section or None))
                elif kind == 'seealso':
                    self.seealso.append(page)
                else:
                    raise PageError(f'{self.path}: <link type="{kind}"> in <info> is not '
                                    'supported')
        self.sections = {}
        for section in self.root.iter(NS + 'section'):
            section_id = section.get('id')
            if not section_id:
                raise PageError(f'{self.path}: a <section> has no id')
            if section_id in self.sections:
                raise PageError(f'{self.path}: section id "{section_id}" is used twice')
            self.sections[section_id] = section


class Renderer:
    def __init__(self, pages):
        self.pages = {page.id: page for page in pages}
        self.order = [page.id for page in pages]
        self.check_links()

    # Checks ---------------------------------------------------------------

    def resolve(self, source, xref):
        page_id, _, section_id = xref.partition('#')
        page = self.pages.get(page_id or source.id)
        if page is None:
            raise PageError(f'{source.path}: link to a page that does not exist: "{xref}"')
        if section_id and section_id not in page.sections:
            raise PageError(f'{source.path}: link to a section that does not exist: "{xref}"')
        return page, section_id

    def check_links(self):
        for page in self.pages.values():
            for guide, section in page.guides:
                self.resolve(page, guide + (f'#{section}' if section else ''))
            for other in page.seealso:
                self.resolve(page, other)
            for link in page.root.iter(NS + 'link'):
                if link.get('xref') is not None:
                    self.resolve(page, link.get('xref'))
            if page.id != 'index' and page.type == 'topic' and not page.guides:
                raise PageError(f'{page.path}: no guide links to this page')

    # Rendering ------------------------------------------------------------

    def inline(self, page, element):
        """The HTML of an element's text and inline children."""
        out = [html.escape(element.text or '')]
        for child in element:
            out.append(self.inline_element(page, child))
            out.append(html.escape(child.tail or ''))
        return ''.join(out)

    def inline_element(self, page, element):
        name = local(element)
        if name not in INLINE:
            raise PageError(f'{page.path}: <{name}> is not supported inside text')
        content = self.inline(page, element)
        if name == 'gui':
            return f'<span class="gui">{content}</span>'
        if name == 'guiseq':
            parts = [self.inline_element(page, gui) for gui in element]
            return ' ▸ '.join(parts)
        if name == 'key':
            return f'<kbd>{content}</kbd>'
        if name == 'keyseq':
            keys = [self.inline_element(page, key) for key in element]
            return f'<span class="keyseq">{"+".join(keys)}</span>'
        if name in ('cmd', 'input', 'output', 'sys', 'code', 'file'):
            return f'<code class="{name}">{content}</code>'
        if name == 'var':
            return f'<var>{content}</var>'
        if name == 'app':
            return f'<span class="app">{content}</span>'
        if name == 'em':
            return f'<em>{content}</em>'
        if name == 'span':
            return content
        if name == 'link':
            return self.link(page, element, content)
        raise PageError(f'{page.path}: <{name}> is not supported')

    def link(self, page, element, content):
        if element.get('href') is not None:
            href = element.get('href')
            return f'<a href="{html.escape(href)}">{content or html.escape(href)}</a>'
        target, section_id = self.resolve(page, element.get('xref', ''))
        href = f'{target.id}.html' + (f'#{section_id}' if section_id else '')
        if not content:
            title = (target.sections[section_id].find(NS + 'title') if section_id
                     else target.title)
            content = self.inline(target, title)
        return f'<a href="{html.escape(href)}">{content}</a>'

    def blocks(self, page, element, depth):
        """The HTML of an element's block children (text around them is layout)."""
        if (element.text or '').strip():
            raise PageError(f'{page.path}: text outside a paragraph in <{local(element)}>')
        out = []
        for child in element:
            if (child.tail or '').strip():
                raise PageError(f'{page.path}: text outside a paragraph after <{local(child)}>')
            name = local(child)
            if name in ('info', 'title') and element is page.root:
                continue
            if name == 'title':
                continue
            out.append(self.block(page, child, depth))
        return ''.join(out)

    def block(self, page, element, depth):
        name = local(element)
        if name == 'p':
            return f'<p>{self.inline(page, element)}</p>\n'
        if name in ('list', 'steps'):
            numbered = name == 'steps' or element.get('type') == 'numbered'
            tag = 'ol' if numbered else 'ul'
            css = ' class="steps"' if name == 'steps' else ''
            items = ''.join(f'<li>{self.blocks(page, item, depth)}</li>\n'
                            for item in self.children(page, element, 'item'))
            return f'<{tag}{css}>\n{items}</{tag}>\n'
        if name == 'terms':
            out = ['<dl class="terms">\n']
            for item in self.children(page, element, 'item'):
                for title in item.findall(NS + 'title'):
                    out.append(f'<dt>{self.inline(page, title)}</dt>\n')
                out.append(f'<dd>{self.blocks(page, item, depth)}</dd>\n')
            out.append('</dl>\n')
            return ''.join(out)
        if name == 'note':
            style = element.get('style', 'note')
            return f'<div class="note {html.escape(style)}">\n{self.blocks(page, element, depth)}</div>\n'
        if name == 'table':
            rows = []
            for row in self.children(page, element, 'tr'):
                cells = ''.join(f'<td>{self.blocks(page, cell, depth)}</td>'
                                for cell in self.children(page, row, 'td'))
                rows.append(f'<tr>{cells}</tr>\n')
            return f'<table>\n{"".join(rows)}</table>\n'
        if name in ('screen', 'code'):
            return f'<pre class="{name}">{self.inline(page, element).strip()}</pre>\n'
        if name == 'section':
            return self.section(page, element, depth + 1)
        raise PageError(f'{page.path}: <{name}> is not supported here')

    def children(self, page, element, name):
        for child in element:
            if local(child) != name:
                raise PageError(f'{page.path}: <{local(child)}> inside <{local(element)}>; '
                                f'expected <{name}>')
            yield child

    def section(self, page, element, depth):
        section_id = element.get('id')
        title = element.find(NS + 'title')
        heading = f'h{min(depth, 6)}'
        out = [f'<section id="{html.escape(section_id)}">\n']
        if title is not None:
            out.append(f'<{heading}>{self.inline(page, title)}</{heading}>\n')
        out.append(self.blocks(page, element, depth))
        if page.type == 'guide':
            out.append(self.topic_links(page, section_id))
        out.append('</section>\n')
        return ''.join(out)

    def topic_links(self, guide, section_id):
        """The pages that name this guide (section) as theirs, in source order."""
        linked = [self.pages[page_id] for page_id in self.order
                  if (guide.id, section_id) in self.pages[page_id].guides]
        if not linked:
            return ''
        return self.link_list(linked, 'links topic')

    def link_list(self, pages, css):
        items = []
        for page in pages:
            desc = (f'<span class="desc">{self.inline(page, page.desc)}</span>'
                    if page.desc is not None else '')
            items.append(f'<li><a href="{page.id}.html">{self.inline(page, page.title)}</a>'
                         f'{desc}</li>\n')
        return f'<ul class="{css}">\n{"".join(items)}</ul>\n'

    def see_also(self, page):
        """Yelp shows "see also" links both ways."""
        ids = list(page.seealso)
        for other_id in self.order:
            if page.id in self.pages[other_id].seealso and other_id not in ids:
                ids.append(other_id)
        return [self.pages[other_id] for other_id in ids if other_id != page.id]

    def render(self, page):
        title_text = plain_text(page.title)
        trail = ''
        if page.guides:
            crumbs = []
            for guide_id, section_id in page.guides:
                guide = self.pages[guide_id]
                href = f'{guide.id}.html' + (f'#{section_id}' if section_id else '')
                label = self.inline(guide, guide.title)
                if section_id:
                    section_title = guide.sections[section_id].find(NS + 'title')
                    label += ' › ' + self.inline(guide, section_title)
                crumbs.append(f'<a href="{href}">{label}</a>')
            trail = f'<nav class="trail">{" · ".join(crumbs)}</nav>\n'

        body = [self.blocks(page, page.root, 1)]
        if page.type == 'guide':
            body.append(self.topic_links(page, None))
        also = self.see_also(page)
        if also:
            heading = html.escape(words(page.lang)['see-also'])
            body.append(f'<section class="seealso">\n<h2>{heading}</h2>\n')
            body.append(self.link_list(also, 'links'))
            body.append('</section>\n')

        guide_title = plain_text(self.pages['index'].title) if 'index' in self.pages else ''
        head_title = (html.escape(title_text) if page.id == 'index'
                      else f'{html.escape(title_text)} — {html.escape(guide_title)}')
        return ('<!DOCTYPE html>\n'
                f'<html lang="{html.escape(page.lang)}">\n<head>\n<meta charset="utf-8">\n'
                '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
                f'<title>{head_title}</title>\n'
                '<link rel="stylesheet" href="help.css">\n</head>\n'
                f'<body class="{html.escape(page.type)}">\n<main>\n{trail}'
                f'<h1>{self.inline(page, page.title)}</h1>\n'
                f'{"".join(body)}</main>\n</body>\n</html>\n')


def words(lang):
    """The HTML's own words in a page's language (xml:lang, such as en-GB)."""
    primary = lang.replace('_', '-').split('-')[0].lower()
    if primary not in HEADINGS:
        raise PageError(f'no words for the language "{lang}": add them to HEADINGS in '
                        'mallard2html.py')
    return HEADINGS[primary]


def translate(pages, catalogue, itstool, lang, folder):
    """Translated copies of pages in folder, made by itstool as for Yelp."""
    command = [itstool, '-m', str(catalogue), '--lang', lang, '-o', str(folder)]
    result = subprocess.run(command + [str(page) for page in pages],
                            capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise PageError(f'itstool could not translate the pages into {lang}: '
                        f'{result.stderr.strip()}')
    return [Page(folder / page.name, label=f'{page} ({lang})') for page in pages]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--output-dir', type=pathlib.Path)
    parser.add_argument('--css', type=pathlib.Path)
    parser.add_argument('--check', action='store_true', help='check the pages, write nothing')
    parser.add_argument('--translation', type=pathlib.Path,
                        help='translate the pages with this compiled catalogue (LANG.mo)')
    parser.add_argument('--itstool', help='the itstool program, for --translation')
    parser.add_argument('--lang', help='the language of --translation, such as cy')
    parser.add_argument('pages', nargs='+', type=pathlib.Path)
    args = parser.parse_args()
    if not args.check and args.output_dir is None:
        parser.error('--output-dir is needed unless --check is given')
    if args.translation is not None and (args.itstool is None or args.lang is None):
        parser.error('--translation needs --itstool and --lang')

    try:
        with tempfile.TemporaryDirectory(prefix='mallard2html-') as folder:
            if args.translation is not None:
                pages = translate(args.pages, args.translation, args.itstool, args.lang,
                                  pathlib.Path(folder))
            else:
                pages = [Page(path) for path in args.pages]
            if 'index' not in {page.id for page in pages}:
                raise PageError('there is no index.page')
            renderer = Renderer(pages)
            rendered = {page.id: renderer.render(page) for page in pages}
    except PageError as error:
        print(f'mallard2html: {error}', file=sys.stderr)
        return 1

    if args.check:
        return 0
    args.output_dir.mkdir(parents=True, exist_ok=True)
    for page_id, text in rendered.items():
        (args.output_dir / f'{page_id}.html').write_text(text, encoding='utf-8')
    if args.css is not None:
        shutil.copyfile(args.css, args.output_dir / 'help.css')
    return 0


if __name__ == '__main__':
    sys.exit(main())
