"""The report page's one inline script: filter, sort, search and page the clusters.

The page works without it (every cluster is in the HTML, in order; long lists are folded in
<details>).  The script only hides and reorders what is there.  It reads and writes its state
in the URL fragment (`report.html#status=conflict&place=gaza&q=رفح&sort=date`), so a filtered
view can be bookmarked or sent.  The Content-Security-Policy allows this script by its
sha256 hash and nothing else: no other script, no network.  An entry's filter attributes
(`data-kind`, `data-status`, ...) are its own or, when it has none of that name, its list's (a
large page's one-line entries, every `<li>` of a `data-lines` list, carry what they share on
their list: crosscheck.report.page_lines); the default order is the page's; sorting by date
reads an entry's `data-date`, or the first date in its text.

A fragment without `=` is an anchor (`#cluster-ID`, `#inconsistency-ID`): the script keeps it,
shows the entry it names even past a list's first page, and scrolls to it; an inconsistency
summarised on a line with others (a large page's moments: `data-ids`, after the line's
`data-id-prefix`) leads to that line.

Search folds Arabic spelling the way crosscheck's matching does (crosscheck.text.normalize:
no tashkeel or tatweel, one alef, ى→ي, ة→ه, Western digits) and also drops the hamza
carriers (ؤ→و, ئ→ي, ء→''), so 'الأمم' finds 'الامم' and 'مُسْتَشْفَى' finds 'مستشفي'.
"""

from __future__ import annotations

import base64
import hashlib
import json

from crosscheck.text.normalize import _DELETE, _ONE_TO_ONE

# Hamza carriers, on top of the matching normalisation: a reader types them either way.
SEARCH_EXTRA = {"\u0624": "\u0648", "\u0626": "\u064a", "\u0621": ""}


def search_fold(text: str) -> str:
    """What the script does to a query and to each cluster's text (Python twin, for tests)."""
    import unicodedata

    text = unicodedata.normalize("NFKC", text)
    text = _DELETE.sub("", text)
    text = text.translate(str.maketrans({**{k: v for k, v in _ONE_TO_ONE.items()}, **{ord(k): v for k, v in SEARCH_EXTRA.items()}}))
    return " ".join(text.lower().split())


def _fold_table() -> str:
    table = {chr(k): v for k, v in _ONE_TO_ONE.items()}
    table.update(SEARCH_EXTRA)
    return json.dumps(table, ensure_ascii=True, sort_keys=True)


def _delete_class() -> str:
    # The stdlib pattern is a character class of \uXXXX escapes and literal marks; make every
    # member a JS \u escape so the script stays ASCII.
    pattern = _DELETE.pattern
    return "".join(f"\\u{ord(ch):04x}" if ord(ch) > 127 else ch for ch in pattern)


_TEMPLATE = r"""(function(){
"use strict";
var MAP=__MAP__, DEL=new RegExp("__DEL__","g"), PAGE=__PAGE__;
function fold(s){s=(s||"").normalize("NFKC").replace(DEL,"");var o="";for(var i=0;i<s.length;i++){var c=s[i];o+=(c in MAP)?MAP[c]:c;}return o.toLowerCase().replace(/\s+/g," ").trim();}
var form=document.getElementById("controls");if(!form)return;
var items=[].slice.call(document.querySelectorAll("[data-item],[data-lines]>li"));
items.forEach(function(el,i){el._text=fold(el.textContent);el._o=i;});
var fields=["kind","status","strength","place","source"];
var limits={};
function state(){var s={};fields.forEach(function(f){var e=form.elements[f];if(e&&e.value)s[f]=e.value;});
var q=form.elements.q.value.trim();if(q)s.q=q;var so=form.elements.sort.value;if(so&&so!=="default")s.sort=so;return s;}
function toHash(s){return Object.keys(s).map(function(k){return k+"="+encodeURIComponent(s[k]);}).join("&");}
function fromHash(){var h=location.hash.replace(/^#/,""),s={};if(!h||h.indexOf("=")<0)return s;
h.split("&").forEach(function(p){var i=p.indexOf("=");if(i>0){try{s[p.slice(0,i)]=decodeURIComponent(p.slice(i+1));}catch(e){}}});return s;}
function matches(el,s,q){for(var i=0;i<fields.length;i++){var f=fields[i];if(!s[f])continue;
var v=el.getAttribute("data-"+f);if(v===null)v=el.parentNode.getAttribute("data-"+f);if(v===null||(" "+v+" ").indexOf(" "+s[f]+" ")<0)return false;}
return !q||el._text.indexOf(q)>=0;}
function key(el,by){if(by==="severity")return -parseFloat(el.getAttribute("data-severity")||"-1");
if(by==="date"){var d=el.getAttribute("data-date");if(d===null){d=/\d{4}-\d\d-\d\d/.exec(el.textContent);d=d?d[0]:"";}return d?-Date.parse(d):Infinity;}
if(by==="size")return -parseInt(el.getAttribute("data-size")||"0",10);return el._o;}
function apply(){var s=state(),q=fold(s.q||""),by=s.sort||"default";
var lists=[].slice.call(document.querySelectorAll("[data-list]")),total=0;
lists.forEach(function(list){var its=[].slice.call(list.querySelectorAll(list.hasAttribute("data-lines")?":scope > li":":scope > [data-item]"));
its.sort(function(a,b){var d=key(a,by)-key(b,by);return d||(a._o-b._o);});
its.forEach(function(el){list.appendChild(el);});
var lim=limits[list.id]||PAGE,n=0,m=0;
its.forEach(function(el){var ok=matches(el,s,q);if(ok){m++;}var show=ok&&n<lim;if(show)n++;
if(show)el.removeAttribute("hidden");else el.setAttribute("hidden","");});
total+=m;list._m=m;list._t=its.length;list._x=m>n;
if(q||Object.keys(s).length){var d=list.closest("details");if(d&&m)d.open=true;}});
[].slice.call(document.querySelectorAll("section")).forEach(function(sec){
var ls=[].slice.call(sec.querySelectorAll("[data-list]"));if(!ls.length)return;var m=0,t=0,x=false;
ls.forEach(function(l){m+=l._m;t+=l._t;x=x||l._x;});
var c=sec.querySelector("[data-count]");if(c)c.textContent=m+" / "+t;
var more=sec.querySelector("[data-more]");if(more){if(x)more.removeAttribute("hidden");else more.setAttribute("hidden","");}});
var out=document.getElementById("shown");if(out)out.textContent=total;
var h=toHash(s),cur=location.hash.replace(/^#/,"");if(h!==cur&&(h||cur.indexOf("=")>=0))history.replaceState(null,"",h?"#"+h:location.pathname+location.search);}
function reveal(){var h=location.hash.replace(/^#/,"");if(!h||h.indexOf("=")>=0)return;try{h=decodeURIComponent(h);}catch(e){}
var el=document.getElementById(h);
if(!el&&h.indexOf("inconsistency-")===0){var id=h.slice(14);[].some.call(document.querySelectorAll("[data-ids]"),function(x){
var p=x.getAttribute("data-id-prefix")||"";if(id.indexOf(p)===0&&(" "+x.getAttribute("data-ids")+" ").indexOf(" "+id.slice(p.length)+" ")>=0){el=x;return true;}return false;});}
if(!el)return;el.removeAttribute("hidden");var d=el.closest("details");if(d)d.open=true;el.scrollIntoView();}
var init=fromHash();
fields.concat(["q","sort"]).forEach(function(f){var e=form.elements[f];if(e&&init[f]!==undefined)e.value=init[f];});
form.addEventListener("input",apply);form.addEventListener("change",apply);
form.addEventListener("submit",function(e){e.preventDefault();apply();});
form.addEventListener("reset",function(){setTimeout(apply,0);});
[].slice.call(document.querySelectorAll("[data-more]")).forEach(function(b){b.addEventListener("click",function(){
[].slice.call(b.closest("section").querySelectorAll("[data-list]")).forEach(function(list){
limits[list.id]=(limits[list.id]||PAGE)+PAGE;});apply();});});
window.addEventListener("hashchange",function(){var s=fromHash();fields.concat(["q","sort"]).forEach(function(f){var e=form.elements[f];if(e)e.value=s[f]||(f==="sort"?"default":"");});apply();reveal();});
form.removeAttribute("hidden");document.documentElement.classList.add("js");
apply();reveal();
})();"""


def report_script(page_size: int) -> str:
    """The script's source, with the spelling table and page size filled in."""
    return (
        _TEMPLATE.replace("__MAP__", _fold_table())
        .replace("__DEL__", _delete_class().replace("\\", "\\\\"))
        .replace("__PAGE__", str(int(page_size)))
    )


def csp_hash(script: str) -> str:
    """The CSP source expression allowing exactly this inline script."""
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"
