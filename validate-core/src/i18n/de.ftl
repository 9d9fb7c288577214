### validate-core: Meldungen der eingebauten Fehler, Deutsch (de).
###
### Each message id is an error code exactly as the library emits it; Fluent variables are the
### error's params under the names it emits them ($min, $max, $equal, $exclusive_min, ...).
### The renderer also passes a few variables of its own (see CODES.md):
###   $unit       length: "chars" | "bytes" | "items"
###   $bound      length: "equal" | "between" | "min" | "max" | "none";
###               range: "between" | "min" | "max" | "none" (from min and max)
###   $exclusive  range: "both" | "min" | "max" | "none" (from exclusive_min and exclusive_max)
###   $kind       chars, url and the shape errors: which form of the message (see CODES.md)
### Numbers are passed as Fluent numbers (plural selection), lists as text joined with ", ".
### Rendered without bidi isolation marks: placeholders are plain.
### German plural categories: one, other. "Zeichen" is the same in both.

## Regeln

length =
    { $unit ->
        [bytes]
            { $bound ->
                [equal]
                    { $equal ->
                        [one] muss genau { $equal } Byte lang sein
                       *[other] muss genau { $equal } Bytes lang sein
                    }
                [between]
                    { $max ->
                        [one] muss zwischen { $min } und { $max } Byte lang sein
                       *[other] muss zwischen { $min } und { $max } Bytes lang sein
                    }
                [min]
                    { $min ->
                        [one] muss mindestens { $min } Byte lang sein
                       *[other] muss mindestens { $min } Bytes lang sein
                    }
                [max]
                    { $max ->
                        [one] darf höchstens { $max } Byte lang sein
                       *[other] darf höchstens { $max } Bytes lang sein
                    }
               *[none] hat eine ungültige Anzahl von Bytes
            }
        [items]
            { $bound ->
                [equal]
                    { $equal ->
                        [one] muss genau { $equal } Element enthalten
                       *[other] muss genau { $equal } Elemente enthalten
                    }
                [between]
                    { $max ->
                        [one] muss zwischen { $min } und { $max } Element enthalten
                       *[other] muss zwischen { $min } und { $max } Elemente enthalten
                    }
                [min]
                    { $min ->
                        [one] muss mindestens { $min } Element enthalten
                       *[other] muss mindestens { $min } Elemente enthalten
                    }
                [max]
                    { $max ->
                        [one] darf höchstens { $max } Element enthalten
                       *[other] darf höchstens { $max } Elemente enthalten
                    }
               *[none] hat eine ungültige Anzahl von Elementen
            }
       *[chars]
            { $bound ->
                [equal] muss genau { $equal } Zeichen lang sein
                [between] muss zwischen { $min } und { $max } Zeichen lang sein
                [min] muss mindestens { $min } Zeichen lang sein
                [max] darf höchstens { $max } Zeichen lang sein
               *[none] hat eine ungültige Anzahl von Zeichen
            }
    }

range =
    { $bound ->
        [between]
            { $exclusive ->
                [min] muss zwischen { $min } und { $max } liegen und größer als { $exclusive_min } sein
                [max] muss zwischen { $min } und { $max } liegen und kleiner als { $exclusive_max } sein
                [both] muss zwischen { $min } und { $max } liegen, größer als { $exclusive_min } und kleiner als { $exclusive_max } sein
               *[none] muss zwischen { $min } und { $max } liegen
            }
        [min]
            { $exclusive ->
                [min] muss mindestens { $min } und größer als { $exclusive_min } sein
                [max] muss mindestens { $min } und kleiner als { $exclusive_max } sein
                [both] muss mindestens { $min }, größer als { $exclusive_min } und kleiner als { $exclusive_max } sein
               *[none] muss mindestens { $min } sein
            }
        [max]
            { $exclusive ->
                [min] muss größer als { $exclusive_min } und höchstens { $max } sein
                [max] muss höchstens { $max } und kleiner als { $exclusive_max } sein
                [both] muss größer als { $exclusive_min }, kleiner als { $exclusive_max } und höchstens { $max } sein
               *[none] darf höchstens { $max } sein
            }
       *[none]
            { $exclusive ->
                [min] muss größer als { $exclusive_min } sein
                [max] muss kleiner als { $exclusive_max } sein
                [both] muss größer als { $exclusive_min } und kleiner als { $exclusive_max } sein
               *[none] muss eine Zahl sein
            }
    }

pattern = muss dem Muster { $pattern } entsprechen

email = muss eine gültige E-Mail-Adresse sein

url =
    { $kind ->
        [public] muss eine gültige öffentliche URL sein ({ $schemes })
       *[other] muss eine gültige URL sein ({ $schemes })
    }

hostname = muss ein gültiger Hostname sein

ip = muss eine gültige IP-Adresse sein

ipv4 = muss eine gültige IPv4-Adresse sein

ipv6 = muss eine gültige IPv6-Adresse sein

uuid = muss eine gültige UUID sein

credit_card = muss eine gültige Kreditkartennummer sein

chars =
    { $kind ->
        [both] darf nur folgende Zeichen enthalten: { $classes }, „{ $chars }“
        [chars] darf nur die Zeichen „{ $chars }“ enthalten
       *[classes] darf nur folgende Zeichen enthalten: { $classes }
    }

ascii = darf nur ASCII-Zeichen enthalten

alphanumeric = darf nur ASCII-Buchstaben und -Ziffern enthalten

no_control = darf keine Steuer-, Bidi- oder Nullbreitenzeichen enthalten

one_of = muss einer der folgenden Werte sein: { $values }

none_of = darf keiner der folgenden Werte sein: { $values }

contains = muss „{ $contains }“ enthalten

not_contains = darf „{ $not_contains }“ nicht enthalten


prefix = muss mit „{ $prefix }“ beginnen

suffix = muss auf „{ $suffix }“ enden

required = ist erforderlich

must_match = muss mit { $other } übereinstimmen

password = ist zu leicht zu erraten

unavailable = konnte nicht geprüft werden; bitte später erneut versuchen

## Formfehler (die Anfrage hat nicht die erwartete Form)

missing_field = ist erforderlich

duplicate_field = wurde mehrfach angegeben

invalid_type =
    { $kind ->
        [expected] erwartet: { $expected }
        [integer] muss eine ganze Zahl sein
        [number] muss eine Zahl sein
        [boolean] muss ein boolescher Wert sein
       *[other] hat den falschen Typ
    }

invalid_value =
    { $kind ->
        [expected] erwartet: { $expected }
        [out_of_range] liegt außerhalb des zulässigen Bereichs
        [utf8] muss UTF-8-Text sein
       *[other] ist kein gültiger Wert
    }

invalid_length =
    { $kind ->
        [expected] erwartet: { $expected }
        [too_many] hat zu viele Elemente
       *[other] hat die falsche Länge
    }

unknown_variant =
    { $kind ->
        [expected] erwartet: { $expected }
        [none] es gibt keine Varianten
       *[other] ist keine bekannte Variante
    }

unknown_field =
    { $kind ->
        [expected] unbekanntes Feld, erwartet: { $expected }
        [none] unbekanntes Feld, es gibt keine Felder
       *[other] unbekanntes Feld
    }

## Namen der Klassen von `chars`, die der Renderer zu $classes verbindet (keine Fehlercodes)

chars-class-ascii_lowercase = ASCII-Kleinbuchstaben
chars-class-ascii_uppercase = ASCII-Großbuchstaben
chars-class-ascii_alpha = ASCII-Buchstaben
chars-class-ascii_digit = ASCII-Ziffern
chars-class-ascii_alphanumeric = ASCII-Buchstaben und -Ziffern
chars-class-ascii_punctuation = ASCII-Satzzeichen
chars-class-space = Leerzeichen
